#include "engine/document_intake.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/logger.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "kontor/model/sha256.hpp"

namespace kontor::engine {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kProbeBytes = 4096;

// The fetched bytes, spooled to a private file in the state directory so that a large file never
// has to fit in memory, hashed on the way.
class SpoolFile final : public sdk::ByteSink {
 public:
  static Result<std::unique_ptr<SpoolFile>> create(const fs::path& directory) {
    std::error_code error;
    fs::create_directories(directory, error);
    if (error) return Error{"cannot create " + directory.string() + ": " + error.message()};
    fs::permissions(directory, fs::perms::owner_all, error);
    std::string pattern = (directory / "incoming-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return Error{"cannot create a spool file in " + directory.string()};
    return std::unique_ptr<SpoolFile>(new SpoolFile(fd, pattern));
  }
  ~SpoolFile() override {
    if (fd_ >= 0) ::close(fd_);
    std::error_code ignored;
    fs::remove(path_, ignored);
  }

  sdk::Status write(std::span<const std::uint8_t> chunk) override {
    const std::string_view bytes(reinterpret_cast<const char*>(chunk.data()), chunk.size());
    hash_.update(bytes);
    if (prefix_.size() < kProbeBytes) {
      prefix_.append(bytes.substr(0, kProbeBytes - prefix_.size()));
    }
    std::size_t done = 0;
    while (done < chunk.size()) {
      const ssize_t wrote = ::write(fd_, chunk.data() + done, chunk.size() - done);
      if (wrote < 0)
        return sdk::Status::retry("cannot spool: " + std::string(std::strerror(errno)));
      done += static_cast<std::size_t>(wrote);
    }
    size_ += static_cast<std::int64_t>(chunk.size());
    return sdk::Status::ok();
  }
  using sdk::ByteSink::write;

  std::string finish_hash() { return Sha256::hex(hash_.finish()); }
  const std::string& prefix() const { return prefix_; }
  std::int64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  SpoolFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
  Sha256 hash_;
  std::string prefix_;
  std::int64_t size_ = 0;
};

// Reads a spool file for the parser.
class SpoolReader final : public sdk::DocumentReader {
 public:
  SpoolReader(const std::string& path, std::string name, std::int64_t size)
      : in_(path, std::ios::binary), name_(std::move(name)), size_(size) {}
  const std::string& name() const override { return name_; }
  std::int64_t size() const override { return size_; }
  Result<std::size_t> read(std::span<std::uint8_t> buffer) override {
    in_.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(buffer.size()));
    if (in_.bad()) return Error{"cannot read the spooled copy of " + name_};
    return static_cast<std::size_t>(in_.gcount());
  }

 private:
  std::ifstream in_;
  std::string name_;
  std::int64_t size_;
};

struct Listing final : sdk::DocumentList {
  std::vector<sdk::DocumentInfo> documents;
  sdk::Status add(const sdk::DocumentInfo& document) override {
    documents.push_back(document);
    return sdk::Status::ok();
  }
};

// The parsers a job offers its files: `parsers:` or every parser instance of the configuration.
std::vector<host::PluginInstance*> parsers_of(JobContext& context) {
  std::vector<host::PluginInstance*> parsers;
  host::PluginInstances& plugins = *context.services.plugins;
  if (!context.job.parsers.empty()) {
    for (const auto& name : context.job.parsers) {
      if (auto* instance = plugins.find(name)) parsers.push_back(instance);
    }
    return parsers;
  }
  for (const auto& instance : context.config.instances) {
    host::PluginInstance* candidate = plugins.find(instance.name);
    if (candidate != nullptr && candidate->has_role(KONTOR_ROLE_PARSER)) {
      parsers.push_back(candidate);
    }
  }
  return parsers;
}

}  // namespace

// A source that answers FAILED or INVALID_CONFIG (refused credentials, a host key that changed,
// a missing remote directory) will answer the same in a minute: the run fails without retries.
Error DocumentIntake::source_failed(const sdk::Status& status) {
  if (status.code() == sdk::Code::kFailed || status.code() == sdk::Code::kInvalidConfig) {
    context_.report.retry_is_futile = true;
  }
  return Error{status.message()};
}

Result<IntakeCounts> DocumentIntake::run(const DocumentImportFactory& factory) {
  IntakeCounts counts;
  host::PluginInstances& plugins = *context_.services.plugins;
  store::Store& store = *context_.services.store;
  const auto parsers = parsers_of(context_);
  const std::string actor = "engine:" + context_.job.name;
  const fs::path spool = fs::path(context_.config.daemon.state_dir) / "spool";

  for (const auto& source_name : context_.job.inputs) {
    host::PluginInstance* source = plugins.find(source_name);
    if (source == nullptr) return Error{"no source instance '" + source_name + "'"};
    Listing listing;
    if (auto listed = source->call(context_.cancelled, [&](auto& p) { return p.list(listing); });
        !listed) {
      return source_failed(listed);
    }
    for (const auto& document : listing.documents) {
      if (context_.cancelled.load()) return Error{"cancelled"};
      auto ack = [&](sdk::AckOutcome outcome, const std::string& reason) -> Status {
        auto acked = source->call(context_.cancelled,
                                  [&](auto& p) { return p.ack(document.id, outcome, reason); });
        if (!acked) return source_failed(acked);
        return {};
      };

      auto spool_file = SpoolFile::create(spool);
      if (!spool_file) return spool_file.error();
      SpoolFile& content = **spool_file;
      if (auto fetched = source->call(context_.cancelled,
                                      [&](auto& p) { return p.fetch(document.id, content); });
          !fetched) {
        if (fetched.code() == sdk::Code::kNotFound) continue;  // gone since it was listed
        return source_failed(fetched);
      }
      IncomingDocument incoming{source_name, document.name, content.finish_hash(), content.size(),
                                ""};

      bool known = false;
      if (auto read = store.read([&](store::Reader& reader) -> Status {
            auto result = reader.file_known(incoming.sha256);
            if (!result) return result.error();
            known = *result;
            return {};
          });
          !read) {
        return read.error();
      }
      if (known) {
        context_.log.info("{} from {} was imported before (SHA-256 {}): nothing to add",
                          document.name, source_name, incoming.sha256.substr(0, 12));
        ++counts.already_known;
        if (auto acked = ack(sdk::AckOutcome::kCommitted, "was imported before"); !acked) {
          return acked.error();
        }
        continue;
      }

      // A refused file is remembered with its reason in a step of its own, so that an operator
      // can list it (GET /files?state=quarantined) wherever the source put the file.
      auto refuse = [&](const std::string& reason) -> Status {
        const Status recorded =
            store.transact(actor, "refused " + document.name + " from " + source_name,
                           [&](store::Transaction& tx) -> Status {
                             auto refused = tx.record_refused_file({.sha256 = incoming.sha256,
                                                                    .name = incoming.name,
                                                                    .size = incoming.size,
                                                                    .source = incoming.source},
                                                                   reason);
                             if (!refused) return refused.error();
                             return {};
                           });
        if (!recorded) return recorded.error();
        return ack(sdk::AckOutcome::kRejected, reason);
      };

      // The most confident parser wins; the first one offered wins a tie.
      host::PluginInstance* chosen = nullptr;
      int best = 0;
      const auto* prefix = reinterpret_cast<const std::uint8_t*>(content.prefix().data());
      for (host::PluginInstance* parser : parsers) {
        int confidence = 0;
        auto probed = parser->call(context_.cancelled, [&](auto& p) -> sdk::Status {
          auto answer = p.probe(document.name, std::span(prefix, content.prefix().size()));
          if (!answer) return sdk::Status::internal(answer.error().message);
          confidence = *answer;
          return sdk::Status::ok();
        });
        if (probed && confidence > best) {
          best = confidence;
          chosen = parser;
        }
      }
      if (chosen == nullptr) {
        std::vector<std::string> tried;
        for (auto* parser : parsers) tried.push_back(parser->name());
        const std::string reason =
            fmt::format("{}: no parser recognises this file (tried: {})", document.name,
                        tried.empty() ? std::string("none configured")
                                      : fmt::format("{}", fmt::join(tried, ", ")));
        context_.report.warnings.push_back(reason);
        ++counts.rejected;
        if (auto refused = refuse(reason); !refused) return refused.error();
        continue;
      }
      incoming.parser = chosen->name();

      // Parse and apply in one step: either all of the file is in the store, or none of it.
      sdk::Status outcome = sdk::Status::ok();
      const Status committed = store.transact(
          actor, "import " + document.name + " from " + source_name,
          [&](store::Transaction& tx) -> Status {
            auto recorded =
                tx.record_file({incoming.sha256, incoming.name, incoming.size, incoming.source});
            if (!recorded) return recorded.error();
            auto import = factory(tx, incoming);
            SpoolReader reader(content.path(), document.name, content.size());
            outcome = chosen->call(
                context_.cancelled, [&](auto& p) { return p.parse(reader, import->sink()); },
                /*inside_store_step=*/true);
            if (outcome) outcome = import->finish();
            if (!outcome) return Error{outcome.message()};
            return {};
          });
      if (committed) {
        ++counts.imported;
        if (auto acked = ack(sdk::AckOutcome::kCommitted, ""); !acked) return acked.error();
        continue;
      }
      // Only what is wrong with the file itself (or a parser's bug on it) quarantines the file;
      // anything else leaves it where it is for the next run.
      const bool file_is_wrong =
          outcome.code() == sdk::Code::kFailed || outcome.code() == sdk::Code::kInternal;
      if (!file_is_wrong || context_.cancelled.load()) return committed.error();
      const std::string reason = committed.error().message;
      context_.report.warnings.push_back(fmt::format("{} refused: {}", document.name, reason));
      ++counts.rejected;
      if (auto refused = refuse(reason); !refused) return refused.error();
    }
  }
  return counts;
}

}  // namespace kontor::engine
