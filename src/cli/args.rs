//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use super::limit_args::LimitArgs;
use super::progress_args::ProgressArgs;

const CHECK_AFTER_HELP: &str = "Examples:
  gplint check GptTmpl.inf --expect services.yaml
  gplint check baseline.inf sql-servers.inf --expect services.yaml --format json
  gplint check GptTmpl.inf --expect services.yaml --rules ./team-rules --fail-on warning
  gplint check GptTmpl.inf --expect services.yaml --format sarif --output gplint.sarif
  gplint check GptTmpl.inf --expect services.yaml --format junit -o gplint-junit.xml
  Get-Content GptTmpl.inf -Raw | gplint check - --expect services.yaml

A template `-` is read from standard input (named <stdin> in messages);
`-o -` is standard output. Long options take two dashes: `-expect` is
refused with the right spelling, never read as `-e xpect`.

Formats:
  human   rich diagnostics pointing into the files (no colour with --output)
  json    one document, stable in shape (see the README)
  sarif   SARIF 2.1.0, for code scanning (GitHub: upload-sarif)
  github  GitHub Actions annotations; appends a Markdown summary to the
          file $GITHUB_STEP_SUMMARY names, when it is set
  junit   JUnit XML: one test case per declared expectation; a case fails
          as --fail-on fails the run, and is skipped when waived

What to see: --min-severity error|warning|note hides what is less severe
(default: all in human, json and junit; warning in sarif and github);
--select/--ignore take rule ids, prefixes (GPL1 is GPL101 to GPL1xx) or
names, comma-separated or repeated; `rules: {GPL412: off}` in the
expectations file sets a rule's level. What is hidden never fails the run.

Exit codes (the same for every format, with or without --output):
  0  nothing shown at or above --fail-on (default: error)
  1  findings shown at or above --fail-on
  2  an input could not be read, the report could not be written (one
     line names where), --output names an input, or the command line is
     wrong. When no template could be read at all, no report is written:
     it would rest on Windows' defaults alone. When some were, the report
     covers them.
A reader that closes standard output early (| head) ends gplint by
SIGPIPE, quietly.";

const INIT_AFTER_HELP: &str = "Examples:
  gplint init GptTmpl.inf > services.yaml
  gplint init ./gpo-backups -o services.yaml
  gplint check ./gpo-backups --expect services.yaml

Exit codes: 0 written, 2 an input could not be read (the file is still
written from the others; not at all when none could be read), the file
could not be written (a full disk: one line says so), --output names an
input, or the command line is wrong.";

const RULES_AFTER_HELP: &str = "Examples:
  gplint rules
  gplint rules GPL101
  gplint rules needed-logon-type-not-granted
  gplint rules --rules ./team-rules
  gplint rules test ./team-rules

`gplint rules test` is the command that runs the rules' own cases; a rule
named `test` is shown by its id.";

const RULES_TEST_AFTER_HELP: &str = "Examples:
  gplint rules test                  the built-in rules only
  gplint rules test ./team-rules     the built-in rules and a team's
  gplint rules test ./a ./b --rules ./c

Output: one line per case that does not behave, then a summary:
  GPL901 team-rules/GPL901-x.yaml:31 invalid[1]: did not fire
  GPL901 team-rules/GPL901-x.yaml:40 valid[2]: fired: <the finding's message>
  GPL901 team-rules/GPL901-x.yaml:31 invalid[1]: message differs: expected `…`, got `…`
  GPL901 team-rules/GPL901-x.yaml:31 invalid[1]: expectations do not load: …
  27 rules, 82 cases: 1 failed
Cases are numbered from 1 in each list; the line is the case's in the file.

Exit codes: 0 every case behaves, 1 a case does not, 2 a folder or rule
file could not be read or loaded (rendered as `check` renders it), or the
command line is wrong.";

const CODES_AFTER_HELP: &str = "Examples:
  gplint codes
  gplint codes template::unknown-right
  gplint codes gplint::source::too_large

Output: one line per code (code, severity, summary), in the order of the
stages that report them; with a code, its documentation. docs/diagnostics.md
has the same text.

Exit codes: 0 listed or known, 2 not a code of gplint's or the command line
is wrong.";

/// gplint: check Windows Group Policy security templates before they merge.
///
/// gplint reads security templates (GptTmpl.inf, secedit /export INF files)
/// and an expectations file that declares your service accounts and users
/// and how they must, or must not, log on. It predicts which logons Windows
/// will refuse with ERROR_LOGON_TYPE_NOT_GRANTED (1385), and why.
#[derive(Debug, Parser)]
#[command(name = "gplint", version, about, long_about)]
#[command(
    after_help = "Start with:\n  gplint check GptTmpl.inf --expect services.yaml\n  gplint explain GptTmpl.inf --expect services.yaml\n\nExit codes: 0 success, 1 findings, 2 input or usage error."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check templates against an expectations file; report what breaks.
    ///
    /// Templates are applied in the order given, later ones taking
    /// precedence: the last one that defines a right supplies its whole
    /// list. Rights no template defines take the target's defaults.
    #[command(after_help = CHECK_AFTER_HELP)]
    Check(CheckArgs),
    /// Show, for every declared account, the five logon types with verdict
    /// and evidence: which right decides, which entry, through which groups.
    #[command(
        after_help = "Examples:\n  gplint explain GptTmpl.inf --expect services.yaml\n  gplint explain GptTmpl.inf --expect services.yaml --format json -o explain.json\n  gplint explain gpo/ --expect services.yaml --directory contoso.ldif --all-accounts\n\nExit codes: 0 explained, 2 an input could not be read (nothing is written when no template could be), the result could not be written, --output names an input, --all-accounts was given without a directory export, or the command line is wrong."
    )]
    Explain(ExplainArgs),
    /// List the rules, print one rule's documentation, or run the rules'
    /// own cases (`gplint rules test`).
    #[command(after_help = RULES_AFTER_HELP)]
    Rules(RulesArgs),
    /// Print what gplint reads in templates: rights and their holders,
    /// group membership, settings, and parse warnings.
    #[command(
        after_help = "Examples:\n  gplint dump GptTmpl.inf\n  gplint dump --format json secedit-export.inf -o model.json\n  gplint dump - < GptTmpl.inf\n\nExit codes: 0 every file was read (warnings allowed), 2 a file could not be read or decoded (nothing is written when none could be), the result could not be written, or --output names an input."
    )]
    Dump(DumpArgs),
    /// Show what a change does: compare every declared account's verdicts,
    /// every logon right's holders and the findings of BASE and HEAD.
    ///
    /// BASE and HEAD are each a path (template, GPO folder, SYSVOL, backup
    /// tree), or inside a git repository `REV:PATH` (`origin/main:gpo/`,
    /// `HEAD~1:gpo`), PATH from the repository's top. A path that exists
    /// is a path; otherwise a `:` after more than one character makes a
    /// revision (`C:\gpo` is a Windows drive).
    #[command(after_help = DIFF_AFTER_HELP)]
    Diff(DiffArgs),
    /// Explain an error code or event id from a failed logon: its name,
    /// text, usual cause, related codes, and the rules that detect it.
    ///
    /// Takes what users paste: a Win32 error (1385, 0x569, 1069), an
    /// HRESULT (0x80070569, 2147943785, -2147023511), an NTSTATUS
    /// (0xC000015B, -1073741477), a Kerberos failure code (0x18), an event
    /// id (4625, 7041), or a symbolic name in any case
    /// (ERROR_LOGON_TYPE_NOT_GRANTED, KDC_ERR_KEY_EXPIRED). Words and
    /// punctuation around the code are read past ("Error 1069:",
    /// "0x80070569."). A number with several readings shows each: a small
    /// one as a Kerberos code first, then the Win32 error, then the event;
    /// hex is never an event id.
    #[command(
        after_help = "Examples:\n  gplint why 1385\n  gplint why 0x80070569\n  gplint why -1073741477\n  gplint why STATUS_LOGON_TYPE_NOT_GRANTED\n  gplint why 0x18\n  gplint why 7041 --format json\n\nExit codes: 0 known, 2 not known or the command line is wrong.",
        allow_negative_numbers = true
    )]
    Why(WhyArgs),
    /// List gplint's own diagnostic codes, or print one code's documentation.
    ///
    /// These are the codes of what gplint reports about its inputs
    /// (`template::unknown-right`, `yaml::unknown-field`) and of its input
    /// and output errors. The findings of a check come from rules
    /// (`gplint rules`); Windows' own error codes are for `gplint why`.
    #[command(after_help = CODES_AFTER_HELP)]
    Codes(CodesArgs),
    /// Print a shell completion script for gplint.
    #[command(
        after_help = "Examples:\n  gplint completions bash > ~/.local/share/bash-completion/completions/gplint\n  gplint completions zsh > ~/.zfunc/_gplint\n  gplint completions fish > ~/.config/fish/completions/gplint.fish\n  gplint completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print gplint's manual page (roff), or a subcommand's.
    #[command(
        after_help = "Examples:\n  gplint man > gplint.1 && man ./gplint.1\n  gplint man check > gplint-check.1\n  gplint man | gzip > /usr/local/share/man/man1/gplint.1.gz"
    )]
    Man(ManArgs),
    /// Write a starting services.yaml for the templates to standard output
    /// (or --output).
    ///
    /// Every account and group the logon rights name that is not well
    /// known gets a stub repeating what today's templates grant it; the
    /// target is guessed from names, and GPMC backups' links become
    /// scopes. Review it, then run `gplint check` with it.
    #[command(after_help = INIT_AFTER_HELP)]
    Init(InitArgs),
    /// Print the JSON Schema (draft 2020-12) of a file gplint reads, for
    /// editors to complete and check it.
    #[command(
        after_help = "Examples:\n  gplint schema services > services.schema.json\n  gplint schema rule > rule.schema.json\n\nIn a services.yaml or a rule file, a first line of\n  # yaml-language-server: $schema=services.schema.json\nlets VS Code's YAML extension (yaml-language-server) complete and check it;\n`gplint init` writes that line, naming the published schema.\n\nExit codes: 0 printed, 2 the command line is wrong."
    )]
    Schema(SchemaArgs),
}

/// Arguments of `gplint check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Templates, lowest precedence first (GptTmpl.inf, secedit /export
    /// output), or folders of GPOs; `-` reads a template from standard input.
    #[arg(required = true, value_name = "INF")]
    pub files: Vec<PathBuf>,
    /// The expectations file: accounts, groups and how they must log on.
    #[arg(long, short = 'e', value_name = "FILE")]
    pub expect: PathBuf,
    /// A folder of extra rule files (*.yaml) to run beside the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Write the report to FILE instead of standard output (`-`: standard
    /// output), replacing it once the report is complete; a device or
    /// named pipe (`/dev/stderr`) is written into, never replaced. Never an
    /// input, a folder or a symbolic link to a file: those are refused.
    /// Diagnostics about the inputs still go to standard error; the exit
    /// code is the same.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The lowest severity that makes gplint exit with 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Show only findings at or above this severity (default: every
    /// severity in human, JSON and JUnit; warning in SARIF, GitHub
    /// annotations and the step summary). What is hidden does not fail
    /// the run.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub min_severity: Option<MinSeverity>,
    /// Show only these rules: ids, prefixes (GPL1 is GPL101 to GPL1xx) or
    /// names, separated by commas or in repeated options.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Hide these rules, given as for --select; of two that both match a
    /// rule, the longer decides (`--select GPL4 --ignore GPL412`).
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Report only findings not already on BASE: a saved JSON report
    /// (`check --format json -o FILE`), or a template, GPO folder, SYSVOL
    /// or backup tree checked with the same expectations and rules.
    /// Findings on BASE too neither appear nor fail the run.
    #[arg(long, value_name = "BASE")]
    pub baseline: Option<PathBuf>,
    /// With --baseline, show the findings already on BASE too, marked
    /// "already on base" (they still do not fail the run).
    #[arg(long, requires = "baseline")]
    pub baseline_show_all: bool,
    /// Output for CI (SARIF, GitHub): category, repository, links.
    #[command(flatten)]
    pub ci: CiArgs,
    /// Today's date for waiver and password expiry (tests; default: the clock,
    /// or GPLINT_TODAY).
    #[arg(long, hide = true, value_name = "YYYY-MM-DD", value_parser = super::today::parse_flag)]
    pub today: Option<crate::model::Date>,
    /// Active Directory exports to read.
    #[command(flatten)]
    pub directory: super::directory::DirectoryArgs,
    /// Whether to draw a progress bar.
    #[command(flatten)]
    pub progress: ProgressArgs,
    /// How much input to accept.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Options of the CI formats (`sarif`, `github` and its step summary).
#[derive(Debug, Default, clap::Args)]
pub struct CiArgs {
    /// SARIF `automationDetails.id`: the category GitHub code scanning
    /// files the run under (keep one per analysis of a commit).
    #[arg(long, value_name = "CATEGORY", default_value = crate::report::sarif::DEFAULT_CATEGORY)]
    pub sarif_category: String,
    /// The repository root that SARIF paths (`%SRCROOT%`) and summary links
    /// are relative to (default: `git rev-parse --show-toplevel`).
    #[arg(long, value_name = "DIR")]
    pub repo_root: Option<PathBuf>,
    /// The repository whose `docs/rules.md` SARIF's `helpUri` links to, at
    /// the running version's tag.
    #[arg(long, value_name = "URL", default_value = crate::PROJECT_URI)]
    pub help_uri_base: String,
    /// In SARIF, GitHub annotations and the step summary, keep a waived
    /// finding at its own level (by default it is a note).
    #[arg(long)]
    pub include_waived: bool,
}

/// Examples and exit codes of `gplint diff`.
const DIFF_AFTER_HELP: &str = "Examples:\n  gplint diff HEAD~1:gpo HEAD:gpo --expect services.yaml\n  gplint diff origin/main:gpo gpo --expect services.yaml --format json\n  gplint diff old/ new/ --expect services.yaml\n\nExit codes: 0 the change breaks no expectation that held on BASE (whatever BASE already broke), 1 it does (a `logon:` that worked no longer does, or a `no_logon:` that was refused is allowed), 2 an input or revision could not be read, or the command line is wrong.";

/// Arguments of `gplint diff`.
#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The state before the change: a path, or `REV:PATH` in a git repository.
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    /// The state after the change: a path, or `REV:PATH` in a git repository.
    #[arg(value_name = "HEAD")]
    pub head: PathBuf,
    /// The expectations file, read once for both sides.
    #[arg(long, short = 'e', value_name = "FILE")]
    pub expect: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Today's date for password expiry (tests; default: the clock, or
    /// GPLINT_TODAY).
    #[arg(long, hide = true, value_name = "YYYY-MM-DD", value_parser = super::today::parse_flag)]
    pub today: Option<crate::model::Date>,
    /// Active Directory exports to read.
    #[command(flatten)]
    pub directory: super::directory::DirectoryArgs,
    /// Whether to draw a progress bar.
    #[command(flatten)]
    pub progress: ProgressArgs,
    /// How much input to accept.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Output formats of `gplint diff`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// A headline, then the changes grouped by scope.
    Human,
    /// One JSON document: the headline's counts and every change.
    Json,
    /// A pull-request comment: headline, table of changed cells, details.
    Markdown,
    /// One self-contained HTML page: each scope's matrix, BASE and HEAD side by side.
    Html,
}

/// Arguments of `gplint explain`.
#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Templates, lowest precedence first, or folders of GPOs; `-` reads a
    /// template from standard input.
    #[arg(required = true, value_name = "INF")]
    pub files: Vec<PathBuf>,
    /// The expectations file.
    #[arg(long, short = 'e', value_name = "FILE")]
    pub expect: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Human)]
    pub format: ExplainFormat,
    /// Write the explanation to FILE instead of standard output, as
    /// `check --output` writes its report (`-`: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Today's date for waiver and password expiry (tests; default: the clock,
    /// or GPLINT_TODAY).
    #[arg(long, hide = true, value_name = "YYYY-MM-DD", value_parser = super::today::parse_flag)]
    pub today: Option<crate::model::Date>,
    /// Active Directory exports to read.
    #[command(flatten)]
    pub directory: super::directory::DirectoryArgs,
    /// Also evaluate every enabled user, gMSA, sMSA and computer of the
    /// directory export in every scope, after the declared accounts,
    /// sorted by name (needs --directory or `directory:`). They have no
    /// expectation, so never break one; JSON marks them `"surveyed":
    /// true`. HTML shows the first 200 and says how many more there are
    /// (use --format json for all).
    #[arg(long)]
    pub all_accounts: bool,
    /// Whether to draw a progress bar.
    #[command(flatten)]
    pub progress: ProgressArgs,
    /// How much input to accept.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Arguments of `gplint init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// Templates, SYSVOL policy folders or folders of GPMC backups, as
    /// `check` will be given them; `-` reads a template from standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Write the file to FILE instead of standard output, as `check
    /// --output` writes its report (`-`: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Active Directory exports: with one, SIDs are written as names, the
    /// domain's service accounts are proposed and `domain_policy` comes
    /// from the domain object; the file then names the exports under
    /// `directory:`.
    #[command(flatten)]
    pub directory: super::directory::DirectoryArgs,
    /// Whether to draw a progress bar.
    #[command(flatten)]
    pub progress: ProgressArgs,
    /// How much input to accept.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Arguments of `gplint rules`.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, disable_help_subcommand = true)]
pub struct RulesArgs {
    /// `test`, to run the rules' own cases instead of listing them.
    #[command(subcommand)]
    pub command: Option<RulesCommand>,
    /// A rule id (GPL101) or name; without it, every rule is listed.
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// A folder of extra rule files to list beside the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// The subcommands of `gplint rules`.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Run every rule's own cases (its `tests:`) and report each that does
    /// not behave.
    ///
    /// Runs the built-in rules and every rule in the folders given. Each
    /// case goes through the whole check: a `valid` case must give no
    /// finding of its rule; an `invalid` case must give one, with exactly
    /// its `expect_message` when it has one. Loading a rule (in `check`,
    /// say) never runs its cases: run this in the CI of your rule folder.
    #[command(after_help = RULES_TEST_AFTER_HELP)]
    Test(RulesTestArgs),
}

/// Arguments of `gplint rules test`.
#[derive(Debug, clap::Args)]
pub struct RulesTestArgs {
    /// Folders of rule files (*.yaml), as `--rules` takes them, whose rules
    /// are tested beside the built-in ones.
    #[arg(value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Another folder of rule files, as for the other commands.
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// Arguments of `gplint codes`.
#[derive(Debug, clap::Args)]
pub struct CodesArgs {
    /// A code as gplint prints it, e.g. template::unknown-right; without
    /// it, every code is listed.
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

/// Arguments of `gplint why`.
#[derive(Debug, clap::Args)]
pub struct WhyArgs {
    /// The code as shown: 1385, 0x569, 0x80070569, -2147023511, 0xC000015B, 0x18, 7041, or a name such as ERROR_LOGON_TYPE_NOT_GRANTED or KDC_ERR_KEY_EXPIRED.
    #[arg(value_name = "CODE", allow_hyphen_values = true)]
    pub code: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = WhyFormat::Human)]
    pub format: WhyFormat,
    /// A folder of extra rule files, whose rules may detect the code too.
    #[arg(long, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
}

/// Output formats of `why`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum WhyFormat {
    /// Text.
    Human,
    /// One JSON document.
    Json,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Rich diagnostics pointing into the files.
    Human,
    /// One JSON document; see the README for its fields.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// JUnit XML: each declared expectation is a test case.
    Junit,
}

/// Output formats of `explain`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// A matrix of accounts and logon types.
    Human,
    /// One JSON document; see the README for its fields.
    Json,
    /// One self-contained HTML page: each scope's matrix, evidence on hover.
    Html,
}

/// Arguments of `gplint man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// A subcommand (check, explain, …) whose page to print: gplint-COMMAND(1).
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Arguments of `gplint completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// The severity threshold for exit code 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Errors fail the run.
    Error,
    /// Errors and warnings fail the run.
    Warning,
    /// Nothing fails the run; exit 0 unless an input is bad.
    Never,
}

impl FailOn {
    /// The least severity that fails the run; `None` for `never`.
    pub fn threshold(self) -> Option<crate::diagnostic::Severity> {
        use crate::diagnostic::Severity;
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }

    /// Whether `finding` fails the run: at or above the threshold, not
    /// waived, and not already on `--baseline`.
    pub fn fails(self, finding: &crate::finding::Finding) -> bool {
        finding.waived.is_none()
            && !finding.is_existing()
            && self.threshold().is_some_and(|t| finding.severity >= t)
    }
}

/// `--min-severity`: the least severe finding shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MinSeverity {
    /// Errors only.
    Error,
    /// Errors and warnings.
    Warning,
    /// Everything.
    Note,
}

impl MinSeverity {
    /// The severity it names.
    pub fn severity(self) -> crate::diagnostic::Severity {
        use crate::diagnostic::Severity;
        match self {
            MinSeverity::Error => Severity::Error,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Note => Severity::Note,
        }
    }
}

impl CheckArgs {
    /// What the command line chose to see; selectors trimmed.
    pub fn selection(&self) -> crate::check::select::Selection {
        let trim = |list: &[String]| list.iter().map(|s| s.trim().to_owned()).collect();
        crate::check::select::Selection {
            min_severity: self.min_severity.map(MinSeverity::severity),
            select: trim(&self.select),
            ignore: trim(&self.ignore),
        }
    }
}

/// Arguments of `gplint dump`.
#[derive(Debug, clap::Args)]
pub struct DumpArgs {
    /// Template files or GPO folders to read (GptTmpl.inf, secedit /export
    /// output); `-` reads a template from standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DumpFormat::Text)]
    pub format: DumpFormat,
    /// Write the model to FILE instead of standard output, as `check
    /// --output` writes its report (`-`: standard output).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How much input to accept.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Output formats of `dump`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// Indented text; warnings rendered on stderr.
    Text,
    /// One JSON document per run: `{"files": [...]}`, warnings included.
    Json,
}

/// Arguments of `gplint schema`.
#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The kind of file.
    #[arg(value_enum, value_name = "FILE")]
    pub file: SchemaFile,
}

/// The files `gplint schema` describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaFile {
    /// The expectations file (`services.yaml`, given with `--expect`).
    Services,
    /// A rule file (rules/*.yaml, or a team's `--rules` folder).
    Rule,
}
