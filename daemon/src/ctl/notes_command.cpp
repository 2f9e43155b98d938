#include "ctl/notes_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "ctl/offline_store.hpp"
#include "kontor/model/note.hpp"

namespace kontor::ctl {
namespace {

struct NotesOptions {
  std::string customer, item, text;
  bool only_open = false, json = false, complaint = false, call = false;
  std::int64_t id = 0;
};

int fail(const std::string& message) {
  std::cerr << "kontorctl: " << message << "\n";
  return 1;
}

// Table cells stay on one line whatever the note says.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

int list_notes(const std::string& config_path, const NotesOptions& options) {
  auto store = open_configured_store(config_path);
  if (!store) return fail(store.error().message);
  std::vector<Note> notes;
  store::NoteQuery query{options.customer, options.item, options.only_open};
  Status read = (*store)->read([&](store::Reader& reader) -> Status {
    auto found = reader.notes(query);
    if (!found) return found.error();
    notes = std::move(found).value();
    return {};
  });
  if (!read) return fail(read.error().message);
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& note : notes) {
      out.push_back(
          {{"id", note.id},
           {"kind", to_string(note.kind)},
           {"status", to_string(note.status)},
           {"customer", note.customer_number},
           {"item", note.item_number.empty() ? nlohmann::json() : nlohmann::json(note.item_number)},
           {"blocks_dunning", note.blocks_dunning()},
           {"text", note.text}});
    }
    std::cout << out.dump(2) << "\n";
    return 0;
  }
  if (notes.empty()) {
    std::cout << "no notes\n";
    return 0;
  }
  std::cout << fmt::format("{:>5}  {:<9}  {:<8}  {:<12}  {:<12}  {}\n", "ID", "KIND", "STATUS",
                           "CUSTOMER", "ITEM", "TEXT");
  for (const auto& note : notes) {
    std::cout << fmt::format("{:>5}  {:<9}  {:<8}  {:<12}  {:<12}  {}\n", note.id,
                             to_string(note.kind), to_string(note.status), note.customer_number,
                             note.item_number, one_line(note.text));
  }
  return 0;
}

int add_note(const std::string& config_path, const NotesOptions& options) {
  if (options.customer.empty() == options.item.empty()) {
    return fail("name exactly one of --customer or --item");
  }
  if (options.text.empty()) return fail("a note needs its text");
  auto store = open_configured_store(config_path);
  if (!store) return fail(store.error().message);
  Note note;
  note.kind = options.complaint ? NoteKind::complaint : NoteKind::call;
  note.customer_number = options.customer;
  note.item_number = options.item;
  note.text = options.text;
  std::int64_t id = 0;
  Status added = (*store)->transact(operator_actor(), "note added with kontorctl",
                                    [&](store::Transaction& tx) -> Status {
                                      auto result = tx.add_note(note);
                                      if (!result) return result.error();
                                      id = *result;
                                      return {};
                                    });
  if (!added) return fail(added.error().message);
  std::cout << fmt::format("note {} added{}\n", id,
                           note.kind == NoteKind::complaint
                               ? ": an open complaint; no reminders until it is resolved"
                               : "");
  return 0;
}

int resolve_note(const std::string& config_path, const NotesOptions& options) {
  auto store = open_configured_store(config_path);
  if (!store) return fail(store.error().message);
  Status resolved = (*store)->transact(operator_actor(), "note resolved with kontorctl",
                                       [&](store::Transaction& tx) -> Status {
                                         auto result = tx.resolve_note(options.id);
                                         if (!result) return result.error();
                                         return {};
                                       });
  if (!resolved) return fail(resolved.error().message);
  std::cout << fmt::format("note {} resolved\n", options.id);
  return 0;
}

}  // namespace

std::function<int()> add_notes_commands(CLI::App& app, const std::string& config_path) {
  auto options = std::make_shared<NotesOptions>();
  auto* list = app.add_subcommand("notes", "List calls and complaints");
  list->add_option("--customer", options->customer, "Only about this customer");
  list->add_option("--item", options->item, "Only about this item");
  list->add_flag("--open", options->only_open, "Only open ones");
  list->add_flag("--json", options->json, "JSON instead of a table");

  auto* note = app.add_subcommand("note", "Record or resolve a call or complaint");
  note->require_subcommand(1);
  auto* add = note->add_subcommand("add", "Record a call or a complaint");
  add->add_option("--customer", options->customer, "The customer it is about");
  add->add_option("--item", options->item, "The item it is about (its customer is implied)");
  auto* kind = add->add_option_group("kind", "What it is");
  kind->add_flag("--call", options->call, "A call with the customer");
  kind->add_flag("--complaint", options->complaint, "A complaint: blocks reminders until resolved");
  kind->require_option(1);
  add->add_option("text", options->text, "What was said")->required();
  auto* resolve = note->add_subcommand("resolve", "Mark a note resolved");
  resolve->add_option("id", options->id, "The note's number")->required();

  return [=, &config_path]() -> int {
    if (list->parsed()) return list_notes(config_path, *options);
    if (add->parsed()) return add_note(config_path, *options);
    if (resolve->parsed()) return resolve_note(config_path, *options);
    return 0;
  };
}

}  // namespace kontor::ctl
