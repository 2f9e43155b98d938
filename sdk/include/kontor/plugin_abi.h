/*
 * Kontor plugin ABI, version 1 — the one boundary between kontord and a connector plugin.
 *
 * A plugin is a shared library exporting exactly one symbol, kontor_plugin_entry_v1: a pointer
 * to its entry function (see kontor_plugin_entry_fn). The daemon loads it (RTLD_NOW |
 * RTLD_LOCAL, never unloaded while running), calls the entry with its own ABI version and gets
 * back a static descriptor: the plugin's name, version, roles, configuration schema and
 * function tables. Most authors never touch this header: the C++ SDK
 * (kontor/sdk/plugin.hpp) turns an ordinary C++20 class into all of it.
 *
 * OWNERSHIP. Nothing allocated on one side is freed on the other. Everything that crosses is a
 * scalar, an enum, a struct of those, or a view ({pointer, length}) into memory the caller owns
 * for the duration of the call. A receiver that wants to keep data copies it before returning.
 * The descriptor and everything it points to is static and immutable for the life of the
 * process. kontor_str is UTF-8 and NOT necessarily NUL-terminated; `const char*` fields in the
 * descriptor ARE NUL-terminated static strings.
 *
 * LIFETIMES. host_api and host_instance passed to create() stay valid until destroy() returns.
 * A kontor_config is valid only during create(): copy what you need. Sinks and readers passed
 * to a call are valid only during that call.
 *
 * THREADING. Every call into a plugin instance is synchronous from the plugin's point of view.
 * The host runs it on a bounded pool of blocking threads, one call at a time per instance, so
 * an instance needs no locks for its own state. Different instances may run concurrently.
 * Host functions are thread-safe. Long calls poll host->cancelled() and return
 * KONTOR_CANCELLED when it says so. Plugins do not start threads that outlive a call.
 *
 * ERRORS. Every function returns a kontor_status. Before returning anything but KONTOR_OK a
 * plugin explains it with host->set_error(); the host copies the message. No C++ exception
 * may cross this boundary (the SDK catches them and returns KONTOR_INTERNAL). The host, not
 * the plugin, turns KONTOR_RETRY into backoff.
 *
 * GROWTH. Every value struct starts with its own struct_size; arrays travel as {pointer,
 * count, element size}. A later minor version may only APPEND fields to structs and functions
 * to tables; both sides read only the fields that fit in the struct_size they were given and
 * treat missing ones as absent (zero). Anything else is a new major version with a new entry
 * name (kontor_plugin_entry_v2). The host refuses a plugin whose major differs from its own or
 * whose minor is newer than its own, naming the file and both versions.
 *
 * VERSIONS. 1.0: the first. 1.1: kontor_booking.facts and .due_date (DATEV Sachverhalt and
 * Fälligkeit of the item booked), kontor_export_batch.debtors (the customers behind the
 * bookings' debtor accounts, kontor_export_debtor).
 */
#ifndef KONTOR_PLUGIN_ABI_H
#define KONTOR_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KONTOR_ABI_MAJOR 1
#define KONTOR_ABI_MINOR 1
#define KONTOR_PLUGIN_ENTRY_NAME "kontor_plugin_entry_v1"

/* ---- Basic values --------------------------------------------------------------------- */

typedef int32_t kontor_status;
enum {
  KONTOR_OK = 0,
  KONTOR_RETRY = 1,          /* transient: network down, server busy; the host backs off */
  KONTOR_FAILED = 2,         /* permanent for this input or call: bad file, rejected mail */
  KONTOR_INVALID_CONFIG = 3, /* the instance's configuration cannot work */
  KONTOR_UNSUPPORTED = 4,    /* the call or option is not offered by this plugin or host */
  KONTOR_CANCELLED = 5,      /* the call stopped because host->cancelled() said so */
  KONTOR_NOT_FOUND = 6,      /* the key, document or file does not exist */
  KONTOR_INTERNAL = 7        /* a bug: an exception or broken invariant inside the plugin */
};

typedef struct kontor_str {
  const char* data;
  size_t size;
} kontor_str;

typedef struct kontor_bytes {
  const uint8_t* data;
  size_t size;
} kontor_bytes;

typedef struct kontor_str_array {
  const kontor_str* items;
  uint32_t count;
  uint32_t element_size; /* sizeof(kontor_str) of the sender */
} kontor_str_array;

/* An exact amount: minor units (cents) of an ISO 4217 currency. Never floating point. */
typedef struct kontor_money {
  int64_t minor_units;
  char currency[4]; /* "EUR" + NUL; all NUL = absent */
} kontor_money;

/* A calendar day; year 0 = absent. */
typedef struct kontor_date {
  int32_t year;
  int32_t month;
  int32_t day;
} kontor_date;

/* An exact decimal (a rate): units * 10^-scale. 19 % is {19, 0}; 9.12 is {912, 2}. */
typedef struct kontor_decimal {
  int64_t units;
  int32_t scale;
  int32_t present; /* 0 = absent */
} kontor_decimal;

/* A sink for bytes (a fetched document, a secret, a stored state value, a response body). */
typedef struct kontor_bytes_sink {
  uint32_t struct_size;
  void* context;
  kontor_status (*write)(void* context, kontor_bytes chunk);
} kontor_bytes_sink;

/* A pull reader over one document. read() returns bytes read, 0 at the end, -1 on error. */
typedef struct kontor_reader {
  uint32_t struct_size;
  void* context;
  kontor_str name; /* the document's file name, for messages and format hints */
  int64_t size;    /* bytes, or -1 when unknown */
  int64_t (*read)(void* context, uint8_t* buffer, size_t capacity);
} kontor_reader;

/* ---- Opaque handles --------------------------------------------------------------------- */

typedef struct kontor_host_instance kontor_host_instance;     /* the host's view of an instance */
typedef struct kontor_plugin_instance kontor_plugin_instance; /* the plugin's own object */
typedef struct kontor_config kontor_config;                   /* a validated config section */

/* ---- Configuration schema --------------------------------------------------------------- */

enum {
  KONTOR_CONFIG_STRING = 1,
  KONTOR_CONFIG_INT = 2,
  KONTOR_CONFIG_BOOL = 3,
  KONTOR_CONFIG_DURATION = 4, /* "90s", "5m", "1h30m"; read as milliseconds */
  KONTOR_CONFIG_DECIMAL = 5,  /* exact decimal text, "8.5" */
  KONTOR_CONFIG_MONEY = 6,    /* "5.00 EUR" */
  KONTOR_CONFIG_LIST = 7,     /* list of strings */
  KONTOR_CONFIG_MAP = 8,      /* name -> string */
  KONTOR_CONFIG_SECRET = 9    /* a reference; the value only through host->secret_get */
};

/* One key of a plugin's configuration. The host validates an instance's section against the
 * whole schema (unknown keys, types, required keys, choices, ranges) with file:line:column
 * messages before any plugin code runs. */
typedef struct kontor_config_field {
  uint32_t struct_size;
  const char* key;
  int32_t type;               /* KONTOR_CONFIG_* */
  int32_t required;           /* 1 = must be given */
  const char* default_value;  /* NULL = none; text as it would be written in YAML */
  const char* description;    /* one line, for generated documentation */
  const char* const* choices; /* STRING: NULL-terminated allowed values, or NULL */
  int32_t has_min, has_max;   /* INT: range checks */
  int64_t min, max;
} kontor_config_field;

/* ---- Documents from sources --------------------------------------------------------------- */

typedef struct kontor_document_info {
  uint32_t struct_size;
  kontor_str id;   /* how the source fetches and acknowledges it (a relative path, a remote name) */
  kontor_str name; /* file name, for parsers and messages */
  int64_t size;    /* bytes, or -1 */
  int64_t modified_utc_us; /* microseconds since 1970 UTC, or 0 */
} kontor_document_info;

typedef struct kontor_document_sink {
  uint32_t struct_size;
  void* context;
  kontor_status (*document)(void* context, const kontor_document_info* document);
} kontor_document_sink;

enum { KONTOR_ACK_COMMITTED = 1, KONTOR_ACK_REJECTED = 2 };

/* ---- What parsers report ----------------------------------------------------------------- */

enum { KONTOR_STATEMENT = 1, KONTOR_INTRADAY = 2, KONTOR_NOTIFICATION = 3 };
enum { KONTOR_STATUS_BOOK = 1, KONTOR_STATUS_PDNG = 2, KONTOR_STATUS_INFO = 3, KONTOR_STATUS_FUTR = 4 };

/* A bank statement (camt.053, MT940), intraday report (camt.052, MT942) or notification
 * (camt.054). Its entries follow through sink->entry until the next statement. */
typedef struct kontor_statement {
  uint32_t struct_size;
  int32_t kind;         /* KONTOR_STATEMENT, KONTOR_INTRADAY, KONTOR_NOTIFICATION */
  kontor_str account;   /* the company's account: IBAN, or the number the bank uses */
  kontor_str account_number; /* a non-IBAN account number (bank code/account), if given */
  kontor_str account_bic;    /* the account servicer's BIC, if given */
  kontor_str currency;  /* account currency */
  kontor_str id;        /* camt Stmt/Id; MT940 :20: / :28C: */
  kontor_str sequence;  /* camt ElctrncSeqNb or LglSeqNb; MT940 :28C: */
  kontor_str created;   /* creation time as the bank wrote it */
  kontor_str dialect;   /* what exactly was recognised: "camt.053.001.02", a CSV preset name */
  int32_t has_opening, has_closing;
  kontor_money opening;
  kontor_date opening_date;
  kontor_money closing;
  kontor_date closing_date;
  int64_t line;         /* where it starts in the file (line, or 0) */
} kontor_statement;

/* Parties and references shared by an entry and each of its transaction details. */
typedef struct kontor_payment_details {
  uint32_t struct_size;
  kontor_str end_to_end_id;
  kontor_str mandate_id;
  kontor_str creditor_id;
  kontor_str bank_reference;        /* AcctSvcrRef / MT940 bank reference */
  kontor_str counterparty_name;
  kontor_str counterparty_account;  /* IBAN or other account id */
  kontor_str counterparty_bic;
  kontor_str ultimate_debtor;
  kontor_str ultimate_creditor;
  kontor_str remittance;            /* unstructured remittance information */
  kontor_str creditor_reference;    /* structured: Strd/CdtrRefInf/Ref (RF... or national) */
  kontor_str return_reason;         /* ISO reason code of a return (AC04, MD06, ...) */
  kontor_str bank_transaction_code; /* ISO Domain/Family/SubFamily or proprietary (GVC) */
} kontor_payment_details;

/* One entry (camt Ntry, MT940 :61:). A batch entry announces its detail_count; each detail
 * follows through sink->detail. */
typedef struct kontor_entry {
  uint32_t struct_size;
  kontor_date booking_date;
  kontor_date value_date;
  kontor_money amount;  /* signed: positive = credit (money in) */
  int32_t status;       /* KONTOR_STATUS_* */
  int32_t reversal;     /* 1 = reversal of an earlier entry (RvslInd, MT940 RC/RD) */
  kontor_money charges; /* bank charges on this entry, or absent */
  kontor_str owner_reference; /* the account owner's reference: camt NtryRef, MT940 before // */
  uint32_t detail_count;
  kontor_payment_details details; /* the entry's own (or its only detail's) parties */
  kontor_str additional_info;
  int64_t line;
} kontor_entry;

/* One transaction detail of the entry reported last (camt TxDtls). */
typedef struct kontor_entry_detail {
  uint32_t struct_size;
  uint32_t position;    /* 1.. within the entry */
  kontor_money amount;  /* signed like the entry */
  kontor_payment_details details;
  int64_t line;
} kontor_entry_detail;

enum { KONTOR_CUSTOMER_B2C = 1, KONTOR_CUSTOMER_B2B = 2 };
enum { KONTOR_DELIVERY_DEFAULT = 0, KONTOR_DELIVERY_EMAIL = 1, KONTOR_DELIVERY_LETTER = 2 };

/* A customer (account holder) as the ERP exports it. */
typedef struct kontor_customer {
  uint32_t struct_size;
  kontor_str number;
  kontor_str name;
  kontor_str street, postcode, city, country;
  kontor_str email;
  kontor_str language;
  kontor_str_array ibans;
  int32_t kind;     /* KONTOR_CUSTOMER_*; 0 = not given */
  int32_t delivery; /* KONTOR_DELIVERY_* */
  kontor_str vat_id;
  kontor_str dunning_block_reason;
  kontor_date dunning_block_until;
  int64_t line;
} kontor_customer;

enum {
  KONTOR_ITEM_INVOICE = 1,
  KONTOR_ITEM_CREDIT_NOTE = 2,
  KONTOR_ITEM_CANCELLATION = 3,
  KONTOR_ITEM_FEE = 4,
  KONTOR_ITEM_INTEREST = 5
};

/* An open item as the ERP exports it; its tax lines follow through sink->tax_line. */
typedef struct kontor_open_item {
  uint32_t struct_size;
  kontor_str number;
  kontor_str customer_number;
  int32_t type; /* KONTOR_ITEM_* */
  kontor_date issue_date;
  kontor_date due_date;
  int32_t due_date_agreed;
  int32_t dunning_notice_on_invoice;
  kontor_money gross;
  kontor_str rf_reference;
  kontor_decimal skonto_percent;
  kontor_date skonto_until;
  kontor_str refers_to;
  kontor_str debtor_account;
  kontor_str document_path;
  kontor_str dunning_block_reason;
  kontor_date dunning_block_until;
  int64_t line;
} kontor_open_item;

typedef struct kontor_tax_line {
  uint32_t struct_size;
  kontor_str item_number;
  kontor_decimal rate; /* percent */
  kontor_money net, tax, gross;
  int64_t line;
} kontor_tax_line;

/* Where a parser reports what it read. A callback returning anything but KONTOR_OK asks the
 * parser to stop and return that status. */
typedef struct kontor_parse_sink {
  uint32_t struct_size;
  void* context;
  kontor_status (*statement)(void* context, const kontor_statement* statement);
  kontor_status (*entry)(void* context, const kontor_entry* entry);
  kontor_status (*detail)(void* context, const kontor_entry_detail* detail);
  kontor_status (*customer)(void* context, const kontor_customer* customer);
  kontor_status (*open_item)(void* context, const kontor_open_item* item);
  kontor_status (*tax_line)(void* context, const kontor_tax_line* line);
  /* Something off that a bank or ERP really sends (30 February, a balance that does not add
   * up): accepted, and told to the operator. `code` names the kind in [a-z_] for programs
   * ("balance_mismatch", "invalid_date"); `message` says it for people. */
  void (*warning)(void* context, int64_t line, kontor_str code, kontor_str message);
} kontor_parse_sink;

/* ---- Notices to channels -------------------------------------------------------------------- */

typedef struct kontor_party {
  uint32_t struct_size;
  kontor_str name;
  kontor_str street, postcode, city, country;
  kontor_str email;
} kontor_party;

typedef struct kontor_attachment {
  uint32_t struct_size;
  kontor_str name;       /* file name as the recipient sees it */
  kontor_str media_type; /* "application/pdf" */
  kontor_bytes content;
} kontor_attachment;

/* A notice the host decided and rendered: a channel composes MIME or spools files from these
 * parts and never renders. */
typedef struct kontor_notice_message {
  uint32_t struct_size;
  kontor_str notice_number;
  kontor_str kind; /* "reminder", "statement", "invoice" */
  const kontor_party* recipient;
  const kontor_party* sender;
  kontor_str language;
  kontor_str subject;
  kontor_str text;
  kontor_str html;   /* may be empty */
  kontor_bytes pdf;  /* may be empty */
  const kontor_attachment* attachments;
  uint32_t attachment_count;
  uint32_t attachment_size; /* sizeof(kontor_attachment) of the sender */
  kontor_str idempotency_key; /* the same notice delivered again carries the same key */
} kontor_notice_message;

/* ---- Bookings to exporters ------------------------------------------------------------------- */

enum { KONTOR_DEBIT = 1, KONTOR_CREDIT = 2 };

typedef struct kontor_booking_line {
  uint32_t struct_size;
  kontor_str account;
  int32_t side; /* KONTOR_DEBIT, KONTOR_CREDIT */
  kontor_money amount; /* positive */
  kontor_str tax_key;
} kontor_booking_line;

/* What the item booked is, where the bookkeeping must know it: its dunning charges no interest
 * on dunning interest and fees. The values are DATEV's Sachverhalt numbers (field 18). */
enum {
  KONTOR_FACTS_NONE = 0,
  KONTOR_FACTS_DUNNING_INTEREST = 31, /* Mahnzins */
  KONTOR_FACTS_DUNNING_FEE = 40       /* Mahngebühr */
};

/* A balanced booking. lines[0] is the debtor line; every other line is booked against it. */
typedef struct kontor_booking {
  uint32_t struct_size;
  int64_t id;
  kontor_date date;
  kontor_str document_number;
  kontor_str text;
  const kontor_booking_line* lines;
  uint32_t line_count;
  uint32_t line_size;
  int64_t reverses; /* id of the booking this one reverses, or 0 */
  /* 1.1 */
  int32_t facts;        /* KONTOR_FACTS_* */
  kontor_date due_date; /* Fälligkeit of the item booked (invoice, fee, interest); year 0 = none */
} kontor_booking;

/* A debtor (customer) the batch's bookings name, for the bookkeeping's master data (DATEV
 * Debitoren): its account and who it is. */
typedef struct kontor_export_debtor {
  uint32_t struct_size;
  kontor_str account;              /* the debtor's account, as the bookings' lines[0].account */
  const kontor_customer* customer; /* never NULL; line is 0 */
} kontor_export_debtor;

typedef struct kontor_export_batch {
  uint32_t struct_size;
  kontor_str batch_id; /* unique per target; publishing it twice must not book twice */
  kontor_date period_from, period_to;
  const kontor_booking* bookings;
  uint32_t booking_count;
  uint32_t booking_size;
  /* 1.1: the customers behind the bookings' debtor accounts. Several customers may share one
   * account (a collective debtor), and an account may be a general-ledger one (books without
   * personal accounts). Empty when the host gives none: then the bookings alone are staged. */
  const kontor_export_debtor* debtors;
  uint32_t debtor_count;
  uint32_t debtor_size; /* sizeof(kontor_export_debtor) of the sender */
} kontor_export_batch;

/* ---- Host services ------------------------------------------------------------------------- */

enum {
  KONTOR_LOG_DEBUG = 1,
  KONTOR_LOG_INFO = 2,
  KONTOR_LOG_WARNING = 3,
  KONTOR_LOG_ERROR = 4
};

/* One transfer through the host's libcurl: one TLS policy (verification always on), one timeout
 * policy, one place to test. The scheme of the url chooses the protocol:
 *   http, https  method GET, POST, PUT, DELETE
 *   sftp         method GET (a file), LIST (a directory ending in '/'), PUT, RENAME, DELETE
 *   smtp, smtps  method SEND (or SEND_PLAIN, below): body is the complete MIME message
 * Credentials are passed in; the plugin obtained them with secret_get.
 *
 * SMTP: the body goes to the envelope sender `mail_from` and recipients `mail_to` (plain
 * addresses, no angle brackets); `username` with `password` logs in (AUTH). TLS is required:
 * smtps:// from the first byte, smtp:// through STARTTLS before anything else is said.
 * Method SEND_PLAIN sends without TLS and is allowed only to a loopback address (a relay on the
 * same machine). The path of the url, if any, is the name the client greets with (EHLO).
 * KONTOR_OK when the server accepted the message for every recipient; KONTOR_FAILED when it
 * refused this message for good (a 5xx reply to a recipient or to the content); KONTOR_RETRY
 * for anything else (no connection, timeout, TLS or login trouble, any 4xx, a 5xx to the
 * greeting or the sender), since then the message is not at fault. code is the last reply code,
 * message the server's reply prefixed by the command it answered. Transfers of one instance
 * may share a connection.
 *
 * SFTP: the server's host key must be in `known_hosts` (an unknown or changed key is refused,
 * never added); `private_key` logs in with that key (`password` is then its passphrase), else
 * `password` logs in. The url's path is absolute (sftp://host/in/) or, starting with /~/,
 * relative to the login directory; it is percent-encoded. Methods:
 *   GET     the file's bytes to the response sink
 *   LIST    one line per directory entry ("." and ".." left out) to the response sink:
 *           TYPE TAB SIZE TAB MTIME TAB NAME LF, TYPE f (file), d (directory), l (symlink),
 *           o (other) or ? (the server did not say); SIZE in bytes and MTIME in seconds since
 *           1970 UTC for f and ?, else -1 and 0. Names holding a tab or line break are left out.
 *   PUT     body becomes the file (created or replaced); missing directories are created
 *   RENAME  the file moves to `rename_to`, a plain (not percent-encoded) path on the same
 *           server: absolute, /~/..., or relative to the directory of url. Its directory is
 *           created if missing; an existing target is not replaced (KONTOR_FAILED)
 *   DELETE  removes the file
 * A file or directory that does not exist is KONTOR_NOT_FOUND; a refused host key, login or
 * permission KONTOR_FAILED; a connection that fails or breaks KONTOR_RETRY. code is 0. */
typedef struct kontor_transfer_request {
  uint32_t struct_size;
  kontor_str url;
  kontor_str method;
  kontor_str_array headers;   /* HTTP: "Name: value" */
  kontor_bytes body;          /* upload: HTTP body, SFTP PUT content, SMTP message */
  kontor_str username;
  kontor_str password;
  kontor_str bearer_token;    /* HTTP Authorization: Bearer */
  kontor_str rename_to;       /* SFTP RENAME: the new path */
  kontor_str mail_from;       /* SMTP envelope sender */
  kontor_str_array mail_to;   /* SMTP envelope recipients */
  kontor_str ca_file;         /* extra trust anchors (PEM); empty = system store */
  kontor_str known_hosts;     /* SFTP: known_hosts file the server key must be in */
  kontor_str private_key;     /* SFTP: private key file */
  int64_t timeout_ms;         /* whole transfer; 0 = the host's default */
} kontor_transfer_request;

typedef struct kontor_transfer_result {
  uint32_t struct_size;
  int32_t code;       /* HTTP status, last SMTP reply code, or 0 */
  kontor_str message; /* the server's reply text or the transport error */
  /* HTTP: the header lines of the final response, "Name: value" (after redirects). Valid, like
   * message, until the next call into the host. */
  kontor_str_array headers;
} kontor_transfer_result;

typedef struct kontor_host_api {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  kontor_str host_version;

  void (*log)(kontor_host_instance* host, int32_t level, kontor_str message);
  /* Explains the status the current call is about to return. */
  void (*set_error)(kontor_host_instance* host, kontor_str message);
  void (*metric_add)(kontor_host_instance* host, kontor_str name, int64_t delta);
  void (*gauge_set)(kontor_host_instance* host, kontor_str name, int64_t value);
  /* Microseconds since 1970 UTC from the host's clock (fixed in tests and demos). */
  int64_t (*now_utc_us)(kontor_host_instance* host);
  /* 1 when the current call should stop (timeout, shutdown). */
  int32_t (*cancelled)(kontor_host_instance* host);

  /* Small per-instance state kept in the store (cursors, last seen ids). */
  kontor_status (*state_get)(kontor_host_instance* host, kontor_str key,
                             const kontor_bytes_sink* value);
  kontor_status (*state_put)(kontor_host_instance* host, kontor_str key, kontor_bytes value);
  kontor_status (*state_delete)(kontor_host_instance* host, kontor_str key);

  /* The value of the instance's secret key `key`, written to `value` (copy it, use it, forget
   * it). Never logged by the host. */
  kontor_status (*secret_get)(kontor_host_instance* host, kontor_str key,
                              const kontor_bytes_sink* value);

  /* Read-only access to the instance's validated configuration, during create() only. Values
   * are the validated text; the SDK converts them. A key that is absent and has no default
   * gives KONTOR_NOT_FOUND. */
  kontor_status (*config_get)(const kontor_config* config, kontor_str key, kontor_str* value);
  uint32_t (*config_size)(const kontor_config* config, kontor_str key);
  kontor_status (*config_item)(const kontor_config* config, kontor_str key, uint32_t index,
                               kontor_str* name, kontor_str* value);

  kontor_status (*transfer)(kontor_host_instance* host, const kontor_transfer_request* request,
                            const kontor_bytes_sink* response, kontor_transfer_result* result);
} kontor_host_api;

/* ---- Role function tables ------------------------------------------------------------------- */

enum {
  KONTOR_ROLE_SOURCE = 1u << 0,
  KONTOR_ROLE_PARSER = 1u << 1,
  KONTOR_ROLE_CHANNEL = 1u << 2,
  KONTOR_ROLE_EXPORTER = 1u << 3
};

/* Brings documents in: list what is there, fetch one, and acknowledge it after the import
 * committed (moved to processed/) or was rejected (quarantined with the reason). */
typedef struct kontor_source_api {
  uint32_t struct_size;
  kontor_status (*list)(kontor_plugin_instance* self, const kontor_document_sink* sink);
  kontor_status (*fetch)(kontor_plugin_instance* self, kontor_str id,
                         const kontor_bytes_sink* content);
  kontor_status (*ack)(kontor_plugin_instance* self, kontor_str id, int32_t outcome,
                       kontor_str reason);
  /* Optional (may be NULL, or return KONTOR_UNSUPPORTED): a file descriptor, owned by the
   * plugin and open until destroy(), that becomes readable when a list() may find something new
   * (an inotify or epoll descriptor). The host never reads it: it watches it and asks the
   * scheduler for an extra run of the jobs reading this source; list() consumes what made it
   * readable. Schedules still run as configured. */
  kontor_status (*wake_descriptor)(kontor_plugin_instance* self, int32_t* fd);
} kontor_source_api;

/* Reads one file format. probe() looks at the first bytes and says how sure it is (0..100)
 * that it can read the document; the host offers the document to the most confident parser. */
typedef struct kontor_parser_api {
  uint32_t struct_size;
  kontor_status (*probe)(kontor_plugin_instance* self, kontor_str name, kontor_bytes prefix,
                         int32_t* confidence);
  kontor_status (*parse)(kontor_plugin_instance* self, const kontor_reader* document,
                         const kontor_parse_sink* sink);
} kontor_parser_api;

/* Delivers a rendered notice. KONTOR_OK = delivered, KONTOR_RETRY = try later, KONTOR_FAILED
 * = permanent (the reason through set_error); the notice is then parked for an operator. */
typedef struct kontor_channel_api {
  uint32_t struct_size;
  kontor_status (*deliver)(kontor_plugin_instance* self, const kontor_notice_message* notice);
} kontor_channel_api;

/* Two-phase export: stage() prepares a batch without making it visible, publish() makes it
 * visible exactly once, discard() drops a staged batch. Each may be repeated for the same batch
 * id after a crash and must then do nothing twice. */
typedef struct kontor_exporter_api {
  uint32_t struct_size;
  kontor_status (*stage)(kontor_plugin_instance* self, const kontor_export_batch* batch);
  kontor_status (*publish)(kontor_plugin_instance* self, kontor_str batch_id);
  kontor_status (*discard)(kontor_plugin_instance* self, kontor_str batch_id);
} kontor_exporter_api;

/* ---- The descriptor and the entry point ---------------------------------------------------- */

typedef struct kontor_plugin_descriptor {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  const char* name;       /* [a-z0-9-], unique among loaded plugins */
  const char* version;    /* the plugin's own version */
  const char* summary;    /* one line, for documentation */
  const char* build_info; /* compiler and SDK, for the log only */
  uint32_t roles;         /* KONTOR_ROLE_* */
  const kontor_config_field* config_fields;
  uint32_t config_field_count;
  uint32_t config_field_size;

  /* Makes an instance from its validated configuration. No I/O beyond reading local files:
   * connections are made when a role function needs them. */
  kontor_status (*create)(const kontor_host_api* host_api, kontor_host_instance* host,
                          const kontor_config* config, kontor_plugin_instance** instance);
  void (*destroy)(kontor_plugin_instance* instance);

  const kontor_source_api* source;     /* set exactly for the roles in `roles` */
  const kontor_parser_api* parser;
  const kontor_channel_api* channel;
  const kontor_exporter_api* exporter;
} kontor_plugin_descriptor;

typedef struct kontor_host_info {
  uint32_t struct_size;
  uint16_t abi_major;
  uint16_t abi_minor;
  kontor_str host_version;
} kontor_host_info;

/* The entry function. Returns the plugin's static descriptor, or NULL when it cannot work with
 * this host. It must not have side effects beyond building static data.
 *
 * The exported symbol kontor_plugin_entry_v1 is NOT this function but a pointer variable holding
 * its address (what BOOST_DLL_ALIAS, and so KONTOR_PLUGIN, writes). In C:
 *   const kontor_plugin_entry_fn kontor_plugin_entry_v1 = &my_entry;  (visibility "default")
 * The host refuses a library that exports a function, or a null pointer, under that name. */
typedef const kontor_plugin_descriptor* (*kontor_plugin_entry_fn)(const kontor_host_info* host);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KONTOR_PLUGIN_ABI_H */
