// The `reconcile:` section of the configuration: how sure the engine must be to post without
// review, how payers write invoice numbers, tolerances, the §366/§367 BGB orders and the credits
// that are no customer's payment. Every key is optional; the defaults are the rules the README
// states.
#pragma once

#include "config/config_node.hpp"
#include "config/schema.hpp"
#include "kontor/result.hpp"
#include "matching/reconciler.hpp"

namespace kontor::engine {

// The section's schema, for the configuration's validation and `kontord --help`.
config::FieldSpec reconcile_section();

// The policy a validated `reconcile:` section describes (`section` may be null: the defaults).
Result<matching::ReconcilePolicy> reconcile_policy_of(const config::ConfigNode* section);

}  // namespace kontor::engine
