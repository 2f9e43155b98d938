// hello: the smallest useful Kontor plugin — a source that offers one document, whose text
// comes from the configuration, until it has been imported once.
//
// It shows the whole contract: a schema (keys, types, defaults), a constructor that checks its
// configuration, the host's log and per-instance state, and list/fetch/ack.
#include <kontor/sdk/plugin.hpp>

namespace hello {

using kontor::sdk::Status;

class HelloSource final : public kontor::sdk::Source {
 public:
  static kontor::sdk::PluginInfo info() {
    return {"hello", "1.0.0", "Offers one greeting document (SDK example)"};
  }

  static std::vector<kontor::sdk::ConfigField> schema() {
    using kontor::sdk::ConfigField;
    return {
        ConfigField::text("greeting", "The document's text").defaults("Hello, Kontor!"),
        ConfigField::text("file_name", "The document's name").defaults("hello.txt"),
    };
  }

  HelloSource(kontor::sdk::Host host, const kontor::sdk::Config& config)
      : host_(host), greeting_(config.text("greeting")), file_name_(config.text("file_name")) {
    if (file_name_.find('/') != std::string::npos) {
      throw kontor::sdk::InvalidConfig("file_name must not contain '/'");
    }
  }

  Status list(kontor::sdk::DocumentList& documents) override {
    auto done = host_.state("delivered");  // kept by kontord across restarts
    if (!done) return Status::retry(done.error().message);
    if (*done) return Status::ok();
    return documents.add({file_name_, file_name_, static_cast<std::int64_t>(greeting_.size()), 0});
  }

  Status fetch(const std::string& id, kontor::sdk::ByteSink& content) override {
    if (id != file_name_) return Status::not_found("no document " + id);
    return content.write(greeting_);
  }

  Status ack(const std::string& id, kontor::sdk::AckOutcome outcome,
             const std::string& reason) override {
    if (outcome == kontor::sdk::AckOutcome::kRejected) {
      host_.warn(id + " was refused: " + reason);
      return Status::ok();
    }
    host_.info(id + " was imported");
    return host_.put_state("delivered", "yes");
  }

 private:
  kontor::sdk::Host host_;
  std::string greeting_;
  std::string file_name_;
};

}  // namespace hello

KONTOR_PLUGIN(hello::HelloSource)
