#include "render/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "render/epc_qr.hpp"
#include "render/local_format.hpp"
#include "render/statement_letter.hpp"

namespace kontor::render {
namespace {

// Positions on the page. Geometry is the one place real numbers are right: no amount, rate or
// fee passes through here, only their formatted text.
constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double mm(double millimetres) {
  return millimetres * kPointsPerMm;
}

constexpr double kPageWidth = 210, kPageHeight = 297;
constexpr double kLeft = 25, kTextWidth = 165;  // DIN 5008: 25 mm left, at least 20 mm right
constexpr double kFirstFlowTop = 98.5;          // the subject's line on page 1 (form B)
constexpr double kNextFlowTop = 25;
constexpr double kFlowBottom = 255;  // below: the page number and the footer
constexpr double kFooterTop = 268;
constexpr const char* kFont = "DejaVu Sans";

// The words of the letter's fixed parts, in the customer's language.
struct Labels {
  const char* customer_number;
  const char* notice_number;
  const char* date;
  const char* item;
  const char* issued;
  const char* due;
  const char* amount;
  const char* open;
  const char* fees;
  const char* interest;
  const char* total_open;
  const char* total_fees;
  const char* total_interest;
  const char* total_due;
  const char* page;  // "Seite {} von {}"
  const char* girocode;
  const char* managing_directors;
  const char* vat_id;
  const char* bank;
};

constexpr Labels kGerman = {
    .customer_number = "Kundennummer",
    .notice_number = "Belegnummer",
    .date = "Datum",
    .item = "Beleg",
    .issued = "Datum",
    .due = "Fällig",
    .amount = "Betrag",
    .open = "Offen",
    .fees = "Gebühren",
    .interest = "Zinsen",
    .total_open = "Offene Posten",
    .total_fees = "Gebühren aus diesem Schreiben",
    .total_interest = "Verzugszinsen aus diesem Schreiben",
    .total_due = "Zu zahlender Betrag",
    .page = "Seite {} von {}",
    .girocode =
        "Bequem bezahlen: Scannen Sie den GiroCode mit Ihrer Banking-App. Betrag {} und "
        "Verwendungszweck {} sind darin eingetragen.",
    .managing_directors = "Geschäftsführung",
    .vat_id = "USt-IdNr.",
    .bank = "Bankverbindung",
};

constexpr Labels kEnglish = {
    .customer_number = "Customer no.",
    .notice_number = "Reference no.",
    .date = "Date",
    .item = "Document",
    .issued = "Date",
    .due = "Due",
    .amount = "Amount",
    .open = "Open",
    .fees = "Fees",
    .interest = "Interest",
    .total_open = "Open items",
    .total_fees = "Fees charged by this letter",
    .total_interest = "Default interest charged by this letter",
    .total_due = "Amount due",
    .page = "Page {} of {}",
    .girocode =
        "Pay with your banking app: scan the GiroCode; the amount {} and the reference {} "
        "are filled in.",
    .managing_directors = "Managing directors",
    .vat_id = "VAT ID",
    .bank = "Bank account",
};

// Country names as a letter from Germany writes them on the last address line (UPU: the
// sending country's language, capitals).
std::string country_line(const std::string& code) {
  static const std::map<std::string, std::string> kNames = {
      {"AT", "ÖSTERREICH"},  {"BE", "BELGIEN"},
      {"CH", "SCHWEIZ"},     {"CZ", "TSCHECHIEN"},
      {"DK", "DÄNEMARK"},    {"ES", "SPANIEN"},
      {"FR", "FRANKREICH"},  {"GB", "VEREINIGTES KÖNIGREICH"},
      {"IT", "ITALIEN"},     {"LU", "LUXEMBURG"},
      {"NL", "NIEDERLANDE"}, {"PL", "POLEN"},
      {"SE", "SCHWEDEN"},    {"US", "VEREINIGTE STAATEN"}};
  const auto found = kNames.find(code);
  return found == kNames.end() ? code : found->second;
}

struct LayoutDeleter {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

struct TextStyle {
  double size = 10;
  bool bold = false;
  PangoAlignment align = PANGO_ALIGN_LEFT;
};

Layout text_layout(cairo_t* cr, const std::string& text, double width_mm, TextStyle style) {
  Layout layout(pango_cairo_create_layout(cr));
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, kFont);
  pango_font_description_set_absolute_size(font, style.size * PANGO_SCALE);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  pango_layout_set_width(layout.get(), static_cast<int>(mm(width_mm) * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout.get(), style.align);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

double height_mm(PangoLayout* layout) {
  int width = 0, height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(height) / PANGO_SCALE / kPointsPerMm;
}

void draw(cairo_t* cr, PangoLayout* layout, double x_mm, double y_mm) {
  cairo_move_to(cr, mm(x_mm), mm(y_mm));
  pango_cairo_show_layout(cr, layout);
}

void draw_text(cairo_t* cr, const std::string& text, double x_mm, double y_mm, double width_mm,
               TextStyle style) {
  Layout layout = text_layout(cr, text, width_mm, style);
  draw(cr, layout.get(), x_mm, y_mm);
}

void hairline(cairo_t* cr, double x1, double y1, double x2, double y2) {
  cairo_set_line_width(cr, 0.5);
  cairo_move_to(cr, mm(x1), mm(y1));
  cairo_line_to(cr, mm(x2), mm(y2));
  cairo_stroke(cr);
}

// A table's columns and header as placed on the pages; its rows are blocks of their own.
struct TableLayout {
  std::vector<LetterColumn> columns;
  LetterRow header;
  double header_height = 0;  // mm
};

// One piece of the flowing part of the letter, placed on a page by the first pass and drawn by
// the second.
struct Block {
  enum class Kind { text, table_header, table_row, total, girocode, gap } kind = Kind::text;
  std::string text;
  TextStyle style;
  int table = -1;  // a table row's or header's table (LetterWriter::tables_)
  LetterRow row;
  std::string value;  // a total's amount
  double height = 0;  // mm
  // A heading: moves to the next page with what follows rather than stand alone at the bottom.
  bool keep_with_next = false;
  int page = 0;
  double top = 0;  // mm
};

Block block_of(Block::Kind kind) {
  Block block;
  block.kind = kind;
  return block;
}

std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!current.empty()) out.push_back(current);
      current.clear();
    } else {
      current += (current.empty() ? "" : "\n") + line;
    }
    start = end + 1;
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

class LetterWriter {
 public:
  LetterWriter(const NoticeView& view, const LetterText& text)
      : view_(view),
        text_(text),
        style_(local_style(text.language.empty() ? view.language : text.language)),
        labels_(style_ == LocalStyle::german ? kGerman : kEnglish) {
    // Only a statement by kind: sample_notice() carries statement figures on a reminder.
    if (view.kind == "statement" && view.statement) {
      statement_ = statement_letter(*view.statement, style_);
    }
  }

  Result<std::string> write() {
    if (Status made = make_girocode(); !made) return made.error();
    std::string pdf;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        [](void* closure, const unsigned char* data, unsigned int length) {
          static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
          return CAIRO_STATUS_SUCCESS;
        },
        &pdf, mm(kPageWidth), mm(kPageHeight));
    const std::string created = fmt::format("{}T00:00:00Z", view_.date.to_iso());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, text_.subject.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR,
                                   view_.company.legal_name.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kontor");
    cairo_t* cr = cairo_create(surface);
    build_blocks(cr);
    const int pages = place_blocks();
    for (int page = 0; page < pages; ++page) {
      if (page == 0) draw_first_page_head(cr);
      draw_footer(cr, page, pages);
      for (const Block& block : blocks_) {
        if (block.page == page) draw_block(cr, block);
      }
      cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
      return Error{.message = fmt::format("notice {}: the PDF could not be written: {}",
                                          view_.notice_number, cairo_status_to_string(status))};
    }
    return pdf;
  }

 private:
  std::string amount(const Money& money) const { return format_amount(money, style_); }
  std::string date(const Date& day) const { return format_date(day, style_); }

  // The GiroCode asks for the amount due, to the company's first account, quoting the notice's
  // RF reference: only on a notice that asks for money in euros.
  Status make_girocode() {
    if (!view_.total_due.is_positive() || view_.company.bank_accounts.empty()) return {};
    if (view_.total_due.currency().code() != "EUR") return {};
    const CompanyBankAccount& account = view_.company.bank_accounts.front();
    Result<std::string> payload =
        epc_payload({.creditor_name = view_.company.legal_name,
                     .iban = account.iban.electronic(),
                     .bic = account.bic ? account.bic->text() : "",
                     .amount = view_.total_due,
                     .reference = view_.payment_reference,
                     .remittance = view_.payment_reference.empty() ? view_.notice_number : "",
                     .note = ""});
    if (!payload) {
      return Error{.message = fmt::format("notice {}: no GiroCode: {}", view_.notice_number,
                                          payload.error().message)};
    }
    Result<QrMatrix> matrix = epc_qr_matrix(*payload);
    if (!matrix) return matrix.error();
    girocode_ = std::move(matrix).value();
    return {};
  }

  void add_text(cairo_t* cr, const std::string& text, TextStyle style = {}) {
    Block block = block_of(Block::Kind::text);
    block.text = text;
    block.style = style;
    block.height = height_mm(text_layout(cr, text, kTextWidth, style).get());
    blocks_.push_back(std::move(block));
  }
  // A table's heading: stays on the page with the table's header and first row.
  void add_heading(cairo_t* cr, const std::string& text) {
    const TextStyle style = {.size = 9.5, .bold = true};
    Block block = block_of(Block::Kind::text);
    block.text = text;
    block.style = style;
    block.height = height_mm(text_layout(cr, text, kTextWidth, style).get()) + 1.5;
    block.keep_with_next = true;
    blocks_.push_back(std::move(block));
  }
  void add_gap(double height) {
    Block block = block_of(Block::Kind::gap);
    block.height = height;
    blocks_.push_back(std::move(block));
  }

  static double row_height(cairo_t* cr, const std::vector<LetterColumn>& columns,
                           const LetterRow& row, bool bold) {
    double height = 0;
    for (std::size_t column = 0; column < columns.size() && column < row.size(); ++column) {
      height =
          std::max(height, height_mm(text_layout(cr, row[column], columns[column].width_mm - 1.5,
                                                 {.size = 8.5, .bold = bold})
                                         .get()));
    }
    return height + 1.8;
  }

  // The table's rows as blocks; place_blocks() puts its header above the first row on each page.
  void add_table(cairo_t* cr, const LetterTable& table) {
    const int index = static_cast<int>(tables_.size());
    tables_.push_back({.columns = table.columns,
                       .header = table.header,
                       .header_height = row_height(cr, table.columns, table.header, true)});
    for (const LetterRow& row : table.rows) {
      Block block = block_of(Block::Kind::table_row);
      block.table = index;
      block.row = row;
      block.height = row_height(cr, table.columns, row, false);
      blocks_.push_back(std::move(block));
    }
  }

  void build_blocks(cairo_t* cr) {
    add_text(cr, text_.subject, {.size = 11, .bold = true});
    add_gap(6);
    for (const std::string& paragraph : paragraphs(text_.before_table)) {
      add_text(cr, paragraph);
      add_gap(3);
    }
    add_gap(2);
    if (statement_) {
      add_statement_body(cr);
    } else {
      add_items_and_totals(cr);
    }
    add_gap(4);
    // The code right under the amount it pays: where the reader's eye is when deciding to pay.
    if (girocode_) {
      Block block = block_of(Block::Kind::girocode);
      block.text = fmt::format(fmt::runtime(labels_.girocode), amount(view_.total_due),
                               view_.payment_reference);
      block.height = kGirocodeSize;
      blocks_.push_back(std::move(block));
    }
    add_gap(4);
    for (const std::string& paragraph : paragraphs(text_.after_table)) {
      add_text(cr, paragraph);
      add_gap(3);
    }
  }

  // A reminder: the items it is about with the fees and interest it charges, then the totals.
  void add_items_and_totals(cairo_t* cr) {
    // Number, issued, due, amount, open, fees, interest.
    LetterTable items{.columns = {{.width_mm = 31, .right_aligned = false},
                                  {.width_mm = 21, .right_aligned = false},
                                  {.width_mm = 21, .right_aligned = false},
                                  {.width_mm = 23, .right_aligned = true},
                                  {.width_mm = 23, .right_aligned = true},
                                  {.width_mm = 22, .right_aligned = true},
                                  {.width_mm = 24, .right_aligned = true}},
                      .header = {labels_.item, labels_.issued, labels_.due, labels_.amount,
                                 labels_.open, labels_.fees, labels_.interest},
                      .rows = {}};
    std::map<std::string, Money> fees, interest;
    for (const FeeView& fee : view_.fees) add_to(fees, fee.item_number, fee.amount);
    for (const InterestView& span : view_.interest) add_to(interest, span.item_number, span.amount);
    for (const NoticeItemView& item : view_.items) {
      items.rows.push_back({item.number, item.issue_date ? date(*item.issue_date) : "",
                            date(item.due_date), amount(item.gross), amount(item.open),
                            fees.count(item.number) ? amount(fees.at(item.number)) : "",
                            interest.count(item.number) ? amount(interest.at(item.number)) : ""});
    }
    add_table(cr, items);
    add_gap(3);
    if (!view_.total_fees.is_zero() || !view_.total_interest.is_zero()) {
      add_total(labels_.total_open, amount(view_.total_open), false);
      if (!view_.total_fees.is_zero())
        add_total(labels_.total_fees, amount(view_.total_fees), false);
      if (!view_.total_interest.is_zero()) {
        add_total(labels_.total_interest, amount(view_.total_interest), false);
      }
    }
    add_total(labels_.total_due, amount(view_.total_due), true);
  }

  // A statement of account: the period's figures, every movement with the balance after it,
  // what is open at the end and how overdue. The GiroCode after it asks for the closing balance
  // (total_due), when the customer owes one.
  void add_statement_body(cairo_t* cr) {
    for (const LetterTotal& line : statement_->summary) {
      add_total(line.label, line.value, line.bold);
    }
    add_gap(5);
    add_table(cr, statement_->movements);
    if (statement_->open_items) {
      add_gap(6);
      add_heading(cr, statement_->open_items->heading);
      add_table(cr, statement_->open_items->table);
    }
    add_gap(6);
    add_heading(cr, statement_->aging.heading);
    add_table(cr, statement_->aging.table);
  }

  static void add_to(std::map<std::string, Money>& sums, const std::string& key,
                     const Money& value) {
    auto found = sums.find(key);
    if (found == sums.end()) {
      sums.emplace(key, value);
      return;
    }
    // The engine charged these in one currency; a sum that cannot be formed is left as it was
    // rather than printing a wrong one.
    if (Result<Money> added = found->second.plus(value); added) found->second = *added;
  }

  void add_total(const std::string& label, const std::string& value, bool bold) {
    Block block = block_of(Block::Kind::total);
    block.text = label;
    block.style = {.size = 9.5, .bold = bold};
    block.value = value;
    block.height = bold ? 6.0 : 5.0;
    blocks_.push_back(std::move(block));
  }

  // The height block `index` needs on its page: with its table's header when it is a table's
  // first row there, and with what follows when it is a heading.
  double needs(std::size_t index, int current_table) const {
    const Block& block = blocks_[index];
    const bool row = block.kind == Block::Kind::table_row;
    double height = block.height;
    if (row && block.table != current_table) height += tables_[block.table].header_height;
    if (block.keep_with_next && index + 1 < blocks_.size()) height += needs(index + 1, -1);
    return height;
  }

  // Places every block: on the page it fits, a table's header repeated at the top of each
  // page the table continues on. Returns the number of pages.
  int place_blocks() {
    std::vector<Block> placed;
    int page = 0;
    double y = kFirstFlowTop;
    int current_table = -1;  // the table whose header is above on this page, if any
    for (std::size_t index = 0; index < blocks_.size(); ++index) {
      Block& block = blocks_[index];
      const bool row = block.kind == Block::Kind::table_row;
      if (y + needs(index, current_table) > kFlowBottom &&
          y > (page == 0 ? kFirstFlowTop : kNextFlowTop)) {
        ++page;
        y = kNextFlowTop;
        current_table = -1;  // the header repeats on the new page
      }
      if (row && block.table != current_table) {
        const TableLayout& table = tables_[block.table];
        Block header = block_of(Block::Kind::table_header);
        header.table = block.table;
        header.row = table.header;
        header.height = table.header_height;
        header.page = page;
        header.top = y;
        placed.push_back(std::move(header));
        y += table.header_height;
        current_table = block.table;
      }
      if (!row) current_table = -1;
      if (block.kind == Block::Kind::gap && y == kNextFlowTop && page > 0) continue;
      block.page = page;
      block.top = y;
      y += block.height;
      placed.push_back(std::move(block));
    }
    blocks_ = std::move(placed);
    return page + 1;
  }

  void draw_row(cairo_t* cr, const Block& block, bool bold) const {
    const std::vector<LetterColumn>& columns = tables_[block.table].columns;
    double x = kLeft;
    for (std::size_t column = 0; column < columns.size() && column < block.row.size(); ++column) {
      draw_text(cr, block.row[column], x, block.top + 0.9, columns[column].width_mm - 1.5,
                {.size = 8.5,
                 .bold = bold,
                 .align = columns[column].right_aligned ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT});
      x += columns[column].width_mm;
    }
  }

  void draw_block(cairo_t* cr, const Block& block) const {
    switch (block.kind) {
      case Block::Kind::text:
        draw_text(cr, block.text, kLeft, block.top, kTextWidth, block.style);
        break;
      case Block::Kind::table_header:
        draw_row(cr, block, true);
        hairline(cr, kLeft, block.top + block.height, kLeft + kTextWidth, block.top + block.height);
        break;
      case Block::Kind::table_row:
        draw_row(cr, block, false);
        break;
      case Block::Kind::total:
        draw_text(cr, block.text, kLeft + 60, block.top, 70, block.style);
        draw_text(cr, block.value, kLeft + 130, block.top, 35,
                  {.size = block.style.size, .bold = block.style.bold, .align = PANGO_ALIGN_RIGHT});
        if (block.style.bold)
          hairline(cr, kLeft + 60, block.top - 0.8, kLeft + kTextWidth, block.top - 0.8);
        break;
      case Block::Kind::girocode:
        draw_girocode(cr, block.top);
        draw_text(cr, block.text, kLeft + kGirocodeSize + 6, block.top + 4,
                  kTextWidth - kGirocodeSize - 6, {.size = 9});
        break;
      case Block::Kind::gap:
        break;
    }
  }

  // The QR code with its quiet zone of four modules, black on white.
  void draw_girocode(cairo_t* cr, double top) const {
    const QrMatrix& matrix = *girocode_;
    const double module = kGirocodeSize / (matrix.size + 8);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, mm(kLeft), mm(top), mm(kGirocodeSize), mm(kGirocodeSize));
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int y = 0; y < matrix.size; ++y) {
      for (int x = 0; x < matrix.size; ++x) {
        if (!matrix.at(x, y)) continue;
        cairo_rectangle(cr, mm(kLeft + (x + 4) * module), mm(top + (y + 4) * module), mm(module),
                        mm(module));
      }
    }
    cairo_fill(cr);
  }

  void draw_first_page_head(cairo_t* cr) const {
    const Company& company = view_.company;
    draw_text(cr, company.legal_name, kLeft, 15, kTextWidth,
              {.size = 15, .bold = true, .align = PANGO_ALIGN_RIGHT});
    std::vector<std::string> contact;
    for (const std::string* line :
         {&company.contact.phone, &company.contact.email, &company.contact.web}) {
      if (!line->empty()) contact.push_back(*line);
    }
    draw_text(cr, fmt::format("{}", fmt::join(contact, "  ·  ")), kLeft, 23, kTextWidth,
              {.size = 8, .align = PANGO_ALIGN_RIGHT});

    // Form B: the field for the address is 20 mm from the left and 45 mm from the top; its
    // upper 17.7 mm hold the return address, the lower 27.3 mm the recipient.
    draw_text(cr,
              fmt::format("{} · {} · {} {}", company.legal_name, company.address.street,
                          company.address.postcode, company.address.city),
              kLeft, 57.5, 80, {.size = 7});
    hairline(cr, kLeft, 61, kLeft + 80, 61);
    const Customer& customer = view_.customer;
    std::string address = customer.name + "\n" + customer.address.street + "\n" +
                          customer.address.postcode + " " + customer.address.city;
    if (!customer.address.country.empty() && customer.address.country != company.address.country) {
      address += "\n" + country_line(customer.address.country);
    }
    draw_text(cr, address, kLeft, 63.5, 80, {.size = 10});

    // The information block beside the address field.
    std::vector<std::pair<std::string, std::string>> info = {
        {labels_.customer_number, customer.number}};
    if (statement_) {
      info.emplace_back(statement_->number_label, view_.notice_number);
      info.emplace_back(statement_->period_label, statement_->period);
    } else {
      info.emplace_back(labels_.notice_number, view_.notice_number);
    }
    info.emplace_back(labels_.date, date(view_.date));
    double y = 50;
    for (const auto& [label, value] : info) {
      draw_text(cr, label, 125, y, 30, {.size = 8.5});
      const Layout shown = text_layout(cr, value, 45, {.size = 8.5});
      draw(cr, shown.get(), 155, y);
      // A value that wraps (an English period) pushes the next line down.
      y += std::max(4.5, height_mm(shown.get()) + 0.8);
    }
    // Fold marks (form B: 105 mm and 210 mm) and the hole mark (148.5 mm).
    hairline(cr, 3, 105, 8, 105);
    hairline(cr, 3, 210, 8, 210);
    hairline(cr, 3, 148.5, 10, 148.5);
  }

  void draw_footer(cairo_t* cr, int page, int pages) const {
    if (pages > 1) {
      draw_text(cr, fmt::format(fmt::runtime(labels_.page), page + 1, pages), kLeft, 259,
                kTextWidth, {.size = 8, .align = PANGO_ALIGN_RIGHT});
    }
    const Company& company = view_.company;
    hairline(cr, kLeft, kFooterTop - 1.5, kLeft + kTextWidth, kFooterTop - 1.5);
    std::vector<std::string> lines;
    lines.push_back(fmt::format("{} · {} · {} {}", company.legal_name, company.address.street,
                                company.address.postcode, company.address.city));
    std::vector<std::string> legal;
    if (!company.commercial_register.empty()) legal.push_back(company.commercial_register);
    if (!company.managing_directors.empty()) {
      legal.push_back(fmt::format("{}: {}", labels_.managing_directors,
                                  fmt::join(company.managing_directors, ", ")));
    }
    if (company.vat_id)
      legal.push_back(fmt::format("{} {}", labels_.vat_id, company.vat_id->text()));
    if (!legal.empty()) lines.push_back(fmt::format("{}", fmt::join(legal, " · ")));
    for (const CompanyBankAccount& account : company.bank_accounts) {
      lines.push_back(fmt::format("{}: IBAN {}{}", labels_.bank, account.iban.formatted(),
                                  account.bic ? " · BIC " + account.bic->text() : ""));
    }
    draw_text(cr, fmt::format("{}", fmt::join(lines, "\n")), kLeft, kFooterTop, kTextWidth,
              {.size = 7, .align = PANGO_ALIGN_CENTER});
  }

  static constexpr double kGirocodeSize = 32;  // mm, quiet zone included

  const NoticeView& view_;
  const LetterText& text_;
  LocalStyle style_;
  const Labels& labels_;
  std::optional<QrMatrix> girocode_;
  std::optional<StatementLetter> statement_;
  std::vector<TableLayout> tables_;
  std::vector<Block> blocks_;
};

}  // namespace

Result<std::string> render_letter_pdf(const NoticeView& view, const LetterText& text) {
  return LetterWriter(view, text).write();
}

}  // namespace kontor::render
