// How an export batch's id stands in file and folder names, for every exporter that writes files
// (datev, journal, csv-export, json-export, and http-export's staging): the same on every file
// system and in every archive, never a path outside the folder, never two batches on one name.
#pragma once

#include <string>
#include <string_view>

namespace kontor::plugins {

// The batch id as it may stand in a file name: A–Z a–z 0–9 _ - kept, every other character (a
// multi-byte one counted once) made '_', at most 64 characters.
std::string file_name_part(std::string_view batch_id);

// The batch id itself when it is at most 64 of A–Z a–z 0–9 _ -, otherwise file_name_part of it,
// cut, and 16 hex digits of its SHA-256, so that two batch ids never share a name.
std::string batch_file_part(std::string_view batch_id);

}  // namespace kontor::plugins
