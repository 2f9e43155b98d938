// Checks every plugin instance of a configuration against its plugin's declared schema, and
// every job's inputs, parsers and outputs against the roles of the instances they name — all
// before any plugin code runs, with FILE:LINE:COLUMN like every other configuration error.
#pragma once

#include "config/config_error.hpp"
#include "config/env_expansion.hpp"
#include "config/kontor_config.hpp"
#include "config/schema.hpp"
#include "host/plugin_catalog.hpp"

namespace kontor::host {

// The plugin's declaration as a configuration schema.
config::ValueSpec schema_of(const PluginLibrary& plugin);

// Replaces each instance's settings by the validated ones (defaults filled in).
void validate_instances(config::KontorConfig& config, const PluginCatalog& catalog,
                        const config::EnvironmentLookup& environment, config::ConfigErrors& errors);

}  // namespace kontor::host
