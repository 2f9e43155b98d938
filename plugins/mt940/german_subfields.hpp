// The German structured :86: of the DK/ZKA format ("Mehrzweckfeld"), its lines already joined:
//
//   166?00GUTSCHRIFT?109310?20EREF+... ?21... ?30BYLADEMM?31DE99...?32NAME?33 CONT.?34997
//
// a three-digit business transaction code (GVC), then subfields "?NN" — ?00 posting text,
// ?10 primanota, ?20–?29 and ?60–?63 purpose, ?30 BLZ or BIC, ?31 account number or IBAN,
// ?32/?33 name, ?34 text key extension, ?38 IBAN where ?31 holds an account number. Triodos
// writes the same structure with '>' instead of '?'. A '?' not followed by two digits is text.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kontor::plugins::mt940 {

class GermanSubfields {
 public:
  // Splits `text` when it has the structure (GVC alone, or GVC and a separator with two digits);
  // false otherwise, and then nothing is kept. The views point into `text`.
  bool split(std::string_view text);

  std::string_view gvc() const { return gvc_; }
  // The first subfield `code`, empty when absent.
  std::string_view value(int code) const;
  bool has(int code) const;
  // The subfields first..last (in code order, the first of each code) appended without separator;
  // where each began in `out` is added to `starts` when given.
  void append_range(int first, int last, std::string& out,
                    std::vector<std::size_t>* starts = nullptr) const;

 private:
  std::string_view gvc_;
  std::vector<std::pair<int, std::string_view>> fields_;
};

}  // namespace kontor::plugins::mt940
