//! The table of codes: data, grouped by stage in the order of the data
//! flow (`super::STAGES`). To add a diagnostic, add its entry here, in its
//! stage; `tests/diagnostic_codes.rs` says what else to update.

use super::{CodeKind, Severity, codes};

codes! {
    // ---- source: decoding bytes into text ----
    SourceLoneSurrogate {
        code: "source::lone-surrogate",
        severity: Warning,
        kind: Diagnostic,
        summary: "an unpaired UTF-16 surrogate, read as U+FFFD",
        doc: "The template is UTF-16, but a surrogate code unit stands without its pair, which \
              no valid UTF-16 text has; gplint replaced it with U+FFFD and read on. The file \
              was most likely cut or damaged on its way (a copy, a merge, an editor that is not \
              UTF-16 aware), and a name next to the mark may be wrong. Restore the file from a \
              good copy, or re-save it from a Windows editor as UTF-16LE with BOM.",
    },
    SourceNotUtf8 {
        code: "source::not-utf8",
        severity: Warning,
        kind: Diagnostic,
        summary: "neither UTF-16 nor UTF-8: read as Windows-1252",
        doc: "The file has no UTF-16 byte-order mark and is not valid UTF-8, so gplint read it as \
              Windows-1252, the Western code page; the label points at the first byte that is \
              not UTF-8. secedit writes templates as UTF-16LE with a BOM, so such a file was \
              re-saved by another tool, and names with letters outside ASCII may read wrongly. \
              Re-save it as UTF-16LE with BOM, or as UTF-8.",
    },
    SourceControlCharacter {
        code: "source::control-character",
        severity: Warning,
        kind: Diagnostic,
        summary: "a control character in a template",
        doc: "A template holds only text, and a control character (other than tab and line \
              ends) has no meaning in one. gplint reads on around it; a file with many of them \
              is refused as binary (`gplint::source::binary`) instead. Remove the character.",
    },
    SourceImplausibleText {
        code: "source::implausible-text",
        severity: Warning,
        kind: Diagnostic,
        summary: "text that reads as CJK: a wrong byte-order mark",
        doc: "Read as the byte-order mark says, most of the file's first characters are CJK or \
              other unlikely characters: the mark is wrong (UTF-16 of the other byte order), or \
              8-bit text follows a UTF-16 mark. Read so, the file defines nothing gplint knows, \
              and a check of it finds nothing rather than the truth. Save the file again as \
              UTF-16LE with BOM, as secedit writes it.",
    },
    // ---- syntax: lines and sections of a template ----
    SyntaxTextBeforeFirstSection {
        code: "syntax::text-before-first-section",
        severity: Warning,
        kind: Diagnostic,
        summary: "text before the first `[Section]`, which is ignored",
        doc: "Every setting of a security template sits in a section such as \
              `[Privilege Rights]`; lines before the first header belong to none, and Windows \
              and gplint ignore them. Move the text under the header it belongs to, or make it \
              a comment with a leading `;`.",
    },
    SyntaxUnclosedSectionHeader {
        code: "syntax::unclosed-section-header",
        severity: Warning,
        kind: Diagnostic,
        summary: "a section header without its closing `]`",
        doc: "A line starts with `[` but has no `]`. gplint reads it as a section header running \
              to the end of the line, so the lines below still land in a section; Windows' \
              reader may not. Close the header: `[Privilege Rights]`.",
    },
    SyntaxLineWithoutEquals {
        code: "syntax::line-without-equals",
        severity: Warning,
        kind: Diagnostic,
        summary: "a line without `=`, which sets nothing",
        doc: "Sections such as `[Privilege Rights]` and `[System Access]` hold `Key = Value` \
              lines; a line there without `=` sets nothing, so a right or setting meant on it is \
              not applied. Write it as `Key = Value`, or make it a comment with a leading `;`.",
    },
    // ---- template: what the sections say ----
    TemplateUnknownSection {
        code: "template::unknown-section",
        severity: Warning,
        kind: Diagnostic,
        summary: "a section name close to a known one",
        doc: "A section header such as `[Privilege Right]` is one edit away from a section \
              Windows reads (`[Privilege Rights]`). Windows ignores a section it does not know, \
              so every setting under it is lost, silently: a right written there is not \
              assigned. Fix the header as the help suggests.",
    },
    TemplateNoSection {
        code: "template::no-section",
        severity: Warning,
        kind: Diagnostic,
        summary: "no `[Section]` at all: the file defines nothing",
        doc: "The file holds no section header: only whitespace, comments, or text that is no \
              template. It is checked as a template that defines nothing, so every right keeps \
              the target's defaults; gplint says so because this is rarely the file that was \
              meant. Check the path; an exported template starts with `[Unicode]`.",
    },
    TemplateDuplicateKey {
        code: "template::duplicate-key",
        severity: Warning,
        kind: Diagnostic,
        summary: "a key set twice in one section; the later line wins",
        doc: "The same key (a right, a setting) is written twice in one section. gplint uses \
              the later line, as a reader that keeps the last value does, and labels the \
              earlier one ignored; whoever reads the file may believe the other. Delete one of \
              the two lines so that the template says one thing.",
    },
    TemplateUnknownRight {
        code: "template::unknown-right",
        severity: Warning,
        kind: Diagnostic,
        summary: "a right or privilege gplint does not know",
        doc: "A key in `[Privilege Rights]` is not one of the user rights or privileges Windows \
              defines (`Se…Right`, `Se…Privilege`), most often a misspelling. Windows ignores a \
              right it does not know, so the accounts listed do not get it; gplint keeps the \
              line as written and suggests the closest known name. `gplint check` leaves this \
              to rule GPL302 (unknown-right), which reports it as a finding; `dump`, `explain` \
              and `init` print it as a warning. Correct the name.",
    },
    TemplateInvalidSid {
        code: "template::invalid-sid",
        severity: Warning,
        kind: Diagnostic,
        summary: "a `*S-…` holder that is not a valid SID",
        doc: "A holder written with a leading `*` is a SID (`*S-1-5-32-544`), and this one does \
              not parse: the message says which part is wrong. Windows cannot resolve it to an \
              account, so the right is not granted (or denied) to anyone by it. Write the SID \
              as Windows prints it, or write the account's name without `*`.",
    },
    TemplateSidWithoutStar {
        code: "template::sid-without-star",
        severity: Warning,
        kind: Diagnostic,
        summary: "a SID without its `*`, read as an account name",
        doc: "In a template a SID is written with a leading `*` (`*S-1-5-32-544`); without it \
              the entry is a principal name, and Windows looks up an account called \
              `S-1-5-32-544`, finds none, and grants the right to nobody. Add the `*`.",
    },
    TemplateBadGroupMembershipKey {
        code: "template::bad-group-membership-key",
        severity: Warning,
        kind: Diagnostic,
        summary: "a [Group Membership] key without `__Members`/`__Memberof`",
        doc: "Keys in `[Group Membership]` name a group (as `*SID` or name) followed by \
              `__Members` (the group's members, replaced) or `__Memberof` (groups it is added \
              to). Any other key sets nothing, so the membership it seems to declare is not \
              applied. Write the key in one of the two forms.",
    },
    TemplateBadRegistryType {
        code: "template::bad-registry-type",
        severity: Warning,
        kind: Diagnostic,
        summary: "a [Registry Values] entry whose type is not a number",
        doc: "Entries of `[Registry Values]` are `MACHINE\\path\\Name=<type>,<data>`, the type a \
              number such as 4 (REG_DWORD) or 1 (REG_SZ). This entry's type is not a number, so \
              the value cannot be applied as written; gplint keeps it without a type. Write the \
              type as a number, e.g. `=4,1`.",
    },
    TemplateSettingOutOfRange {
        code: "template::setting-out-of-range",
        severity: Warning,
        kind: Diagnostic,
        summary: "a value Windows treats as not defined",
        doc: "`MaximumPasswordAge` (0 to 999 days, or -1, the same as 0) or `LockoutBadCount` \
              (0 to 999) in `[System Access]` has a value Windows does not accept. Windows \
              treats such a value as not defined, and so does gplint: an earlier GPO's value, \
              or Windows' default, applies instead, which changes the password and lockout \
              restrictions gplint predicts. Write a value in the range the message gives.",
    },
    // ---- yaml: reading services.yaml and rule files ----
    YamlSyntax {
        code: "yaml::syntax",
        severity: Error,
        kind: Diagnostic,
        summary: "text that is not valid YAML",
        doc: "The YAML parser stopped at the place shown, so nothing of the file is read. The \
              usual causes are indentation (tabs, or a key out of line), a missing space after \
              `key:`, and an unclosed quote or bracket. Because such a file may be anything, \
              only a short excerpt of the line is quoted. Correct the syntax at the place shown.",
    },
    YamlUnquotedStarSid {
        code: "yaml::unquoted-star-sid",
        severity: Error,
        kind: Diagnostic,
        summary: "an unquoted `*S-1-…`, which YAML reads as an alias",
        doc: "Templates write SIDs with a leading `*`, but in YAML a leading `*` starts an alias \
              (a reference to an anchor), so `*S-1-5-32-544` is an alias to nothing and the file \
              does not parse. Write the SID without the star (`S-1-5-32-544`), or quote it \
              (`'*S-1-5-32-544'`).",
    },
    YamlUnknownEscape {
        code: "yaml::unknown-escape",
        severity: Error,
        kind: Diagnostic,
        summary: "a backslash in double quotes that YAML cannot read",
        doc: "In a double-quoted YAML text a backslash starts an escape (`\\n` is a line \
              break, `\\t` a tab), and the one shown is none YAML knows, so the file does not \
              parse: the usual cause is a Windows name in double quotes, `\"CONTOSO\\svc_sql\"`. \
              Write the name in single quotes, `'CONTOSO\\svc_sql'`, in which a backslash is \
              itself, or double the backslash. Names whose backslash happens to make a known \
              escape (`\"CONTOSO\\new_svc\"`) parse but hold a control character, which \
              `expect::control-character` reports.",
    },
    YamlUnsupported {
        code: "yaml::unsupported",
        severity: Error,
        kind: Diagnostic,
        summary: "a YAML anchor, alias or tag",
        doc: "gplint refuses anchors (`&x`), aliases (`*x`) and tags (`!x`): an alias can make a \
              small file expand without bound, and a tag can change what a value means. Write \
              the value out in full; to give a SID in template style, quote it: \
              `'*S-1-5-32-544'`.",
    },
    YamlTooDeep {
        code: "yaml::too-deep",
        severity: Error,
        kind: Diagnostic,
        summary: "YAML nested deeper than the file's limit",
        doc: "The file nests lists or mappings more deeply than its kind of file allows (the \
              message gives the limit). No expectations or rule file needs more than a dozen \
              levels, so this is damage or a run of `- - -` or `[[[`; the limit keeps the \
              reader's stack bounded. Flatten the structure.",
    },
    YamlMultipleDocuments {
        code: "yaml::multiple-documents",
        severity: Error,
        kind: Diagnostic,
        summary: "a second YAML document (`---`)",
        doc: "An expectations file and a rule file each hold one YAML document; a `---` line \
              starts a second one, which gplint would otherwise have to ignore or merge. Merge \
              the documents into one, or put each in its own file.",
    },
    YamlUnknownField {
        code: "yaml::unknown-field",
        severity: Error,
        kind: Diagnostic,
        summary: "a key that is not a field of this mapping",
        doc: "The mapping has a key its kind of entry does not have, most often a misspelling \
              (`nmae`) or a field of another entry. gplint refuses it rather than ignore it, \
              since an ignored field is an expectation that silently checks nothing. The help \
              lists the fields and suggests the closest one.",
    },
    YamlDuplicateField {
        code: "yaml::duplicate-field",
        severity: Error,
        kind: Diagnostic,
        summary: "a key written twice in one mapping",
        doc: "The same key appears twice in one mapping. YAML does not merge repeated keys, and \
              readers disagree on which one wins, so gplint refuses the file and labels both. \
              Keep one, merging what the two say.",
    },
    YamlWrongShape {
        code: "yaml::wrong-shape",
        severity: Error,
        kind: Diagnostic,
        summary: "a list where a mapping is wanted, or the like",
        doc: "The value has the wrong structure: a list where a mapping (`key: value` lines) is \
              wanted, a mapping where a single value is, and so on. The message says what was \
              expected and what was found, and the help shows an example. Rewrite the value in \
              the shape shown.",
    },
    YamlMissingField {
        code: "yaml::missing-field",
        severity: Error,
        kind: Diagnostic,
        summary: "a required field left out",
        doc: "A field the entry cannot do without is not there (an account's `name`, a waiver's \
              `rule`). The label points at the entry that lacks it; add the field.",
    },
    YamlEmptyValue {
        code: "yaml::empty-value",
        severity: Error,
        kind: Diagnostic,
        summary: "a field written with no value",
        doc: "The key is there but its value is empty (`key:` with nothing after it, or an empty \
              text), where a value is needed. An empty value is most often an unfinished edit. \
              Write the value, or remove the key if the field is optional.",
    },
    YamlBadValue {
        code: "yaml::bad-value",
        severity: Error,
        kind: Diagnostic,
        summary: "a value of the wrong type, e.g. text for a number",
        doc: "The value is a single value of the wrong type (text where a whole number or \
              `true`/`false` is wanted) or one its field rejects; the message says what the \
              field takes. Write the value as the help shows.",
    },
    YamlUnknownValue {
        code: "yaml::unknown-value",
        severity: Error,
        kind: Diagnostic,
        summary: "a word that is not one of the values the field takes",
        doc: "The field takes one of a fixed set of words (a logon type, a target, a kind of \
              account, a severity) and this is none of them, most often a misspelling. The \
              help lists the values and suggests the closest.",
    },
    // ---- expect: services.yaml ----
    ExpectNoAccounts {
        code: "expect::no-accounts",
        severity: Error,
        kind: Diagnostic,
        summary: "an expectations file that declares no accounts",
        doc: "The file has no `accounts:` list, or an empty one. An expectations file that \
              checks nothing passes any template, which would make a broken policy look clean, \
              so gplint refuses it. Add the accounts and how they must (`logon`) or must not \
              (`no_logon`) log on; `gplint init` writes a starting file from the templates.",
    },
    ExpectAccountChecksNothing {
        code: "expect::account-checks-nothing",
        severity: Error,
        kind: Diagnostic,
        summary: "an account with neither `logon` nor `no_logon`",
        doc: "An account is declared without `logon` (the logon types it needs) or `no_logon` \
              (those it must not have), so no rule can check anything about it. Add \
              `logon: [service]` (or the types it needs), `no_logon: [...]`, or both.",
    },
    ExpectLogonConflict {
        code: "expect::logon-conflict",
        severity: Error,
        kind: Diagnostic,
        summary: "a logon type both in `logon` and in `no_logon`",
        doc: "The account is expected both to be able and not to be able to use the same logon \
              type; no template can satisfy that. Remove the type from one of the two lists.",
    },
    ExpectMissingName {
        code: "expect::missing-name",
        severity: Error,
        kind: Diagnostic,
        summary: "an account, group or scope without a name",
        doc: "Every account, group and scope needs a name: accounts and groups are matched to \
              the templates' holders by it, and findings and waivers refer to it. Add \
              `name:` (or, for a virtual service account, `service:`).",
    },
    ExpectNameAndService {
        code: "expect::name-and-service",
        severity: Error,
        kind: Diagnostic,
        summary: "an account with both `name` and `service`",
        doc: "`service: X` names the virtual account `NT SERVICE\\X`, whose SID Windows derives \
              from the service name; `name:` names any other account. With both, gplint cannot \
              tell which account is meant. Keep `service:` for a virtual service account, or \
              `name:` for any other.",
    },
    ExpectBadServiceName {
        code: "expect::bad-service-name",
        severity: Error,
        kind: Diagnostic,
        summary: "a `service:` with `\\` or `/`, which is no service name",
        doc: "`service:` takes the bare service name (`MSSQLSERVER`); gplint adds \
              `NT SERVICE\\` itself and derives the service SID (S-1-5-80-…) from the name. A \
              name with `\\` or `/` is a full account name, not a service name. Write \
              `service: <name>`, or use `name:` for the full account name.",
    },
    ExpectBadSid {
        code: "expect::bad-sid",
        severity: Error,
        kind: Diagnostic,
        summary: "a `sid:` or member entry that is not a valid SID",
        doc: "The text looks like a SID but does not parse; the message says which part is \
              wrong. Write the SID as Windows prints it, e.g. `S-1-5-32-544`; a leading `*` is \
              optional here.",
    },
    ExpectBadDomainSid {
        code: "expect::bad-domain-sid",
        severity: Error,
        kind: Diagnostic,
        summary: "a `domain_sid` that is not S-1-5-21-a-b-c",
        doc: "`domain_sid` is the SID of the domain, `S-1-5-21-` followed by three numbers, \
              which gplint uses to resolve domain-relative names such as Domain Admins. An \
              account's SID (with a fourth number, its RID) or another kind of SID is not one; \
              the help gives the domain part of an account SID. Write the domain's SID.",
    },
    ExpectSidMismatch {
        code: "expect::sid-mismatch",
        severity: Error,
        kind: Diagnostic,
        summary: "a `sid:` other than the name's fixed SID",
        doc: "The name is a well-known principal whose SID is the same on every Windows system \
              (`BUILTIN\\Administrators` is always S-1-5-32-544), and the declared `sid:` is \
              another one; one of the two is a mistake. Remove `sid:` or correct the name.",
    },
    ExpectNotAnAccountSid {
        code: "expect::not-an-account-sid",
        severity: Error,
        kind: Diagnostic,
        summary: "a well-known or BUILTIN SID as an account's SID",
        doc: "The `sid` of a domain, local, gMSA or computer account is a well-known SID \
              (`S-1-5-32-544` is `BUILTIN\\Administrators`, `S-1-5-18` is SYSTEM) or another SID \
              that no such account has: theirs is `S-1-5-21-<a>-<b>-<c>-<RID>`. gplint would \
              otherwise take the account for the group, and every right the group holds for \
              the account's. Correct the SID, or remove it; to say that the account belongs \
              to the group, list the group in `member_of`.",
    },
    ExpectSidWithoutRid {
        code: "expect::sid-without-rid",
        severity: Error,
        kind: Diagnostic,
        summary: "a domain's SID, without a RID, as an account's SID",
        doc: "The `sid` of an account is `S-1-5-21-<a>-<b>-<c>`: a domain's (or machine's) \
              SID, which names no account. An account's SID is that prefix followed by its \
              relative identifier (RID), e.g. `S-1-5-21-<a>-<b>-<c>-1105`. Copy the SID whole \
              (`(Get-ADUser name).SID.Value`); the domain's own SID belongs in `domain_sid`.",
    },
    ExpectSidOutsideDomain {
        code: "expect::sid-outside-domain",
        severity: Warning,
        kind: Diagnostic,
        summary: "a domain account's SID not under `domain_sid`",
        doc: "The SID of a domain account, gMSA or computer is not under the declared \
              `domain_sid`: the message names both domains. Usually one of the two is mistyped \
              or copied from another domain, and templates that name the account by SID will \
              not match it. An account of another domain of the forest is right to keep its \
              SID; the file loads either way. Correct the SID or `domain_sid`.",
    },
    ExpectControlCharacter {
        code: "expect::control-character",
        severity: Error,
        kind: Diagnostic,
        summary: "a name that holds a line break, tab or other control",
        doc: "A name (of an account, a group, a `member_of` entry, a GPO in `gpos` or \
              `domain_policy`, a field of a waiver) holds a control character, which no \
              Windows name has. In double quotes YAML reads a backslash and a letter as an \
              escape: `\"CONTOSO\\new_svc\"` is `CONTOSO`, a line break and `ew_svc`, and \
              `\"CONTOSO\\tasks\"` holds a tab. Write the name in single quotes, \
              `'CONTOSO\\new_svc'`, in which a backslash is itself, or double the backslash.",
    },
    ExpectUnknownBuiltin {
        code: "expect::unknown-builtin",
        severity: Error,
        kind: Diagnostic,
        summary: "a built-in name (BUILTIN\\…) that does not exist",
        doc: "The name is in a built-in authority (`BUILTIN`, `NT AUTHORITY`), but no principal \
              of that name exists there, most often a misspelling. gplint knows the English \
              names of built-in principals; for a localized name, write its SID.",
    },
    ExpectDuplicateName {
        code: "expect::duplicate-name",
        severity: Error,
        kind: Diagnostic,
        summary: "an account or group declared twice",
        doc: "Two declarations have the same name, so gplint cannot tell which expectations \
              belong to the principal. Keep one declaration and merge what the two say.",
    },
    ExpectDuplicateSid {
        code: "expect::duplicate-sid",
        severity: Error,
        kind: Diagnostic,
        summary: "two declarations with the same SID",
        doc: "Two accounts or groups with different names have the same SID, so they are one \
              principal to Windows, and their expectations would contradict or repeat each \
              other. Keep one declaration, or correct the SID that was copied.",
    },
    ExpectMemberOfAccount {
        code: "expect::member-of-account",
        severity: Error,
        kind: Diagnostic,
        summary: "a `member_of` entry that is an account",
        doc: "`member_of` lists groups; the entry names something declared as an account, and \
              nothing can be a member of an account. List groups only; declare a group under \
              `groups:` when the templates cannot see it.",
    },
    ExpectGroupCycle {
        code: "expect::group-cycle",
        severity: Warning,
        kind: Diagnostic,
        summary: "groups that are members of each other in a loop",
        doc: "The `member_of` entries of `groups:` form a loop. Active Directory allows \
              circular nesting and expands membership as a transitive closure, so every group \
              in the loop is a member of every other, and gplint counts it so; the file loads. \
              gplint warns once per loop because such a loop is more often a mistake than a \
              directory's truth. If the directory has no such loop, remove one of the entries \
              named; if it has, nothing needs changing.",
    },
    ExpectManagedPassword {
        code: "expect::managed-password",
        severity: Error,
        kind: Diagnostic,
        summary: "a password fact on a gMSA or virtual account",
        doc: "`password_never_expires`, `password_last_set`, `blank_password` and \
              `password_policy` describe a password someone manages. A group managed service \
              account's, computer's or virtual account's password is Windows' business: it \
              never expires and is never blank, so declaring one is a mistake. Remove the \
              line. On a gMSA or computer, `password_never_expires` and `password_last_set` are \
              only a warning, `expect::password-fact-not-applicable`.",
    },
    ExpectPasswordFactNotApplicable {
        code: "expect::password-fact-not-applicable",
        severity: Warning,
        kind: Diagnostic,
        summary: "a password expiry fact on a gMSA or computer",
        doc: "`password_never_expires` or `password_last_set` is declared for a gMSA or a \
              computer account (`kind: computer`). A directory export carries `pwdLastSet` \
              and the account flags for these accounts too, so the line may well be true, but \
              Windows changes such an account's password itself and it never expires (MS-ADTS \
              `msDS-UserPasswordExpiryTimeComputed`), so gplint ignores the line and the file \
              loads. Remove the line to silence the warning.",
    },
    ExpectPasswordPolicyNotDomain {
        code: "expect::password-policy-not-domain",
        severity: Error,
        kind: Diagnostic,
        summary: "`password_policy` on an account not in a domain",
        doc: "A fine-grained password policy (a password settings object) applies to domain \
              accounts only; a local account follows the account policy of the GPOs applied to \
              the machine. Remove the line, or, if this is a domain account, write its name as \
              `DOMAIN\\name` or add `kind: domain`.",
    },
    ExpectBadDate {
        code: "expect::bad-date",
        severity: Error,
        kind: Diagnostic,
        summary: "a date that is not YYYY-MM-DD",
        doc: "A date (`password_last_set`, a waiver's `expires`) is not a real day written as \
              YYYY-MM-DD; the message says why. Write it as `2027-03-31`.",
    },
    ExpectBadHours {
        code: "expect::bad-hours",
        severity: Error,
        kind: Diagnostic,
        summary: "a `logon_hours` or `runs_at` entry gplint cannot read",
        doc: "Schedules are written as days and whole hours: `Mon-Fri 07:00-19:00`, \
              `Sat,Sun`, `daily 22:00-06:00` or `always`. gplint compares them with the \
              account's logon hours to predict a refused logon (STATUS_INVALID_LOGON_HOURS), \
              so an entry it cannot read is refused. Rewrite the entry in that form.",
    },
    ExpectBadPolicyValue {
        code: "expect::bad-policy-value",
        severity: Error,
        kind: Diagnostic,
        summary: "a password policy value out of Windows' range",
        doc: "`max_password_age_days` and `lockout_threshold` are whole numbers from 0 (never \
              expires, never locks). For the domain's policy (`domain_policy`) each is at most \
              999, as the Group Policy settings allow; for a fine-grained password policy \
              (`password_policy`) at most 10,675,199 days and 65,535 bad passwords, what a PSO \
              can hold. Any other value cannot be a real policy's. Write it as the policy shows \
              it.",
    },
    ExpectDomainPolicyWithoutGpos {
        code: "expect::domain-policy-without-gpos",
        severity: Error,
        kind: Diagnostic,
        summary: "a `domain_policy` that names no GPO and no values",
        doc: "`domain_policy` says where domain accounts' password and lockout policy comes \
              from: the GPOs linked at the domain root, lowest precedence first, or the values \
              themselves. An empty one says neither. List the GPOs or write the values, or \
              remove the line, and domain accounts follow the Default Domain Policy when it is \
              among the inputs.",
    },
    ExpectScopeWithoutGpos {
        code: "expect::scope-without-gpos",
        severity: Error,
        kind: Diagnostic,
        summary: "a scope whose `gpos` list is empty",
        doc: "A scope is a chain of GPOs evaluated together; without a GPO it checks nothing. \
              List the GPOs that apply together, lowest precedence first, each by display name, \
              GUID or path.",
    },
    ExpectDuplicateGpo {
        code: "expect::duplicate-gpo",
        severity: Error,
        kind: Diagnostic,
        summary: "a GPO listed twice in one chain",
        doc: "A GPO applies once, at one place in the order of precedence; listed twice (names \
              compared without regard to case), the chain's order is unclear. Keep the entry at \
              its place and remove the other.",
    },
    ExpectDuplicateScope {
        code: "expect::duplicate-scope",
        severity: Error,
        kind: Diagnostic,
        summary: "two scopes with the same name",
        doc: "Accounts and waivers refer to scopes by name, so two scopes of one name make the \
              reference ambiguous. Give each scope its own name, or merge their `gpos`.",
    },
    ExpectUnknownScope {
        code: "expect::unknown-scope",
        severity: Error,
        kind: Diagnostic,
        summary: "a reference to a scope the file does not declare",
        doc: "An account's or waiver's `scopes` names a scope that is not under `scopes:`, most \
              often a misspelling. The help suggests the closest name, or shows how to declare \
              the scope when the file has none.",
    },
    ExpectUnquotedGuid {
        code: "expect::unquoted-guid",
        severity: Error,
        kind: Diagnostic,
        summary: "an unquoted `{GUID}`, which YAML reads as a mapping",
        doc: "A GPO's GUID is written in braces, `{6AC1786C-016F-11D2-945F-00C04FB984F9}`, and \
              YAML reads unquoted braces as a mapping, so the GUID is lost. Write it in quotes: \
              `'{6AC1786C-016F-11D2-945F-00C04FB984F9}'`.",
    },
    ExpectMissingReason {
        code: "expect::missing-reason",
        severity: Error,
        kind: Diagnostic,
        summary: "a waiver without a reason",
        doc: "A waiver accepts a finding, and whoever reads the report next needs to know why. \
              Add `reason:` with why the finding is accepted and where it is tracked.",
    },
    ExpectMissingExpiry {
        code: "expect::missing-expiry",
        severity: Error,
        kind: Diagnostic,
        summary: "a waiver without an expiry date",
        doc: "Every waiver ends: an accepted exception must not outlive its reason unnoticed, \
              so gplint reports a waiver once it expires (`waiver::expired`). Add \
              `expires: YYYY-MM-DD`.",
    },
    ExpectWaiverAccountUndeclared {
        code: "expect::waiver-account-undeclared",
        severity: Warning,
        kind: Diagnostic,
        summary: "a waiver's `account` that no declared account has",
        doc: "Findings about accounts carry the name the account is declared with under \
              `accounts`, and a waiver's `account` must be that name (case does not matter); \
              this one is not, so the waiver waives nothing and will be reported stale. When a \
              declared account is one typo away, the help names it. Correct the name, or \
              remove `account:` to waive the rule for every account.",
    },
    ExpectNearMiss {
        code: "expect::near-miss",
        severity: Warning,
        kind: Diagnostic,
        summary: "a declared account no template names, one typo from one",
        doc: "No template names the declared account, by name or by its declared SID, but one \
              names an account one typo away (`CONTOSO\\svc_sqll` against `CONTOSO\\svc_sql`, \
              or a domain typo such as `CONTOS0\\…`) that is not declared. The expectation is \
              then checked for an account the templates do not mean, and the templates' entry \
              for one gplint does not know. The help names the entry and where it is written. \
              Correct the name, or, if both accounts exist, declare the other one too.",
    },
    ExpectUnknownRule {
        code: "expect::unknown-rule",
        severity: Error,
        kind: Diagnostic,
        summary: "a `rules:` entry that names no loaded rule",
        doc: "A key of `rules:` (`rules: {GPL412: off}`) names a rule by id or name, and no \
              rule loaded in this run has it: a misspelling, or a team rule whose `--rules` \
              folder was not given. Its level would change nothing. Correct the rule, or pass \
              its folder; `gplint rules` lists the rules.",
    },
    ExpectNotInDirectory {
        code: "expect::not-in-directory",
        severity: Error,
        kind: Diagnostic,
        summary: "an account the directory export does not have",
        doc: "With `--directory` or `directory:`, a declared account written `DOMAIN\\name` of a \
              domain the exports hold must be one of its accounts: its SID, groups and facts \
              come from there. The name is not among them, so it is a typo or an account that \
              no longer exists; the message proposes the closest name the directory has. \
              Correct the name, or remove the account; an account of another domain keeps its \
              `sid:` and is looked up by it.",
    },
    // ---- scope: GPO names against the inputs ----
    ScopeGpoNotFound {
        code: "scope::gpo-not-found",
        severity: Error,
        kind: Diagnostic,
        summary: "a GPO named that is not among the inputs",
        doc: "A scope or `domain_policy` names a GPO (by display name, GUID or path) that none \
              of the templates, GPO folders or backups given to this run is. The chain cannot \
              be built without it. Give the GPO as an input, or correct the name; the help \
              suggests the closest GPO found.",
    },
    ScopeGpoAmbiguous {
        code: "scope::gpo-ambiguous",
        severity: Error,
        kind: Diagnostic,
        summary: "a GPO name that matches more than one input",
        doc: "The name matches two or more of the GPOs given (two GPOs can share a display \
              name, or a short path can end two longer ones), so gplint cannot tell which one \
              is in the chain. Name the GPO by its GUID, or by a longer path.",
    },
    // ---- rule: rule files ----
    RuleUnreadable {
        code: "rule::unreadable",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule folder or rule file that cannot be read",
        doc: "A `--rules` folder, or a rule file in it, could not be read: it does not exist, \
              is not a regular file, is a symbolic link (not followed in a rule folder), is too \
              large, or is not UTF-8. gplint stops rather than run without those rules. The \
              message gives the reason; fix the path or the file.",
    },
    RuleBadId {
        code: "rule::bad-id",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule id that is not GPL and three digits",
        doc: "Rule ids are `GPL` and three digits (`GPL101`); waivers, `gplint rules` and the \
              reports refer to rules by them. Write the id in that form.",
    },
    RuleBadName {
        code: "rule::bad-name",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule name that is not kebab-case",
        doc: "Rule names are lower-case words between single dashes \
              (`needed-logon-type-not-granted`), so they can be typed and used in file names. \
              The help gives the name in that form.",
    },
    RuleBadSummary {
        code: "rule::bad-summary",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule summary of more than one line",
        doc: "`summary` is the one line shown in rule listings and SARIF. Keep the first line \
              there and move the rest to `docs`.",
    },
    RuleFileName {
        code: "rule::file-name",
        severity: Error,
        kind: Diagnostic,
        summary: "a built-in rule file not named `<id>-<name>.yaml`",
        doc: "The built-in rules are browsed by file name, so each file is named after its rule: \
              `GPL101-needed-logon-type-not-granted.yaml`. Only the built-in pack is held to \
              this; a team's rule files may have any name. Rename the file as the help says.",
    },
    RuleDuplicateId {
        code: "rule::duplicate-id",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule id already used by another rule",
        doc: "Every rule, built-in or from `--rules`, needs its own id, since waivers and \
              reports name rules by it. Give this rule another id; a team's rules can use a \
              range the built-in pack does not (GPL9xx).",
    },
    RuleDuplicateName {
        code: "rule::duplicate-name",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule name already used by another rule",
        doc: "Rules can be named by name as well as by id (in waivers and `gplint rules`), so \
              every name is unique. Give this rule another name.",
    },
    RuleUnknownField {
        code: "rule::unknown-field",
        severity: Error,
        kind: Diagnostic,
        summary: "a test of a field the kind of fact does not have",
        doc: "A rule applies to one kind of fact (`applies_to:`), and its `when:` may test only \
              that kind's fields; a test of any other field could never match. The help \
              suggests the closest field or lists them; docs/rule-fields.md has every field of \
              every kind.",
    },
    RuleBadPredicate {
        code: "rule::bad-predicate",
        severity: Error,
        kind: Diagnostic,
        summary: "a `when:` predicate that is malformed",
        doc: "The predicate cannot be read as written: an empty `all`/`any`/`one_of` list, a \
              field test without a matcher or with two, or `all`/`any`/`not` beside another key \
              in the same mapping. Put each test in its own list item under `all` or `any`, \
              with one matcher each.",
    },
    RuleMatcherType {
        code: "rule::matcher-type",
        severity: Error,
        kind: Diagnostic,
        summary: "a matcher or value that does not suit the field",
        doc: "Each matcher works on some types of field only (`at_least` on numbers, \
              `contains` on lists and text), and its value must be of the field's type. The \
              help lists the matchers for the field's type; quote a value to compare it as \
              text.",
    },
    RuleBadTemplate {
        code: "rule::bad-template",
        severity: Error,
        kind: Diagnostic,
        summary: "a message template with an unbalanced `{` or `}`",
        doc: "`message`, `help` and `symptom` are templates in which `{field}` is replaced by \
              the fact's value; a brace that opens or closes nothing cannot be read. Write \
              `{{` or `}}` for a literal brace.",
    },
    RuleUnknownPlaceholder {
        code: "rule::unknown-placeholder",
        severity: Error,
        kind: Diagnostic,
        summary: "a `{placeholder}` the kind of fact does not have",
        doc: "A placeholder in `message`, `help` or `symptom` names a field the rule's kind of \
              fact does not have, so it would render as nothing. The help suggests the closest \
              field or lists them.",
    },
    RuleEmptyVariant {
        code: "rule::empty-variant",
        severity: Error,
        kind: Diagnostic,
        summary: "a variant that changes neither `message` nor `help`",
        doc: "A variant replaces the rule's message or help when its `when:` matches; one that \
              replaces neither does nothing. Give it a `message`, a `help` or both, or remove \
              it.",
    },
    RuleBadDetects {
        code: "rule::bad-detects",
        severity: Error,
        kind: Diagnostic,
        summary: "a `detects` code or event that gplint does not know, or that names two codes",
        doc: "`detects` lists the Windows error codes and events a rule's findings predict, so \
              that `gplint why <code>` lists the rule. A code or event that `gplint why` does \
              not know could never list it, so the rule is refused rather than loaded with a \
              declaration that does nothing: correct the number (`gplint why <code>` says \
              whether gplint knows it), list an event id under `events` rather than `errors`, \
              or remove the entry. A number that names two codes (`24`: a Win32 error and the \
              Kerberos code 0x18) must be written by the name of the one meant.",
    },
    RuleMisplacedExpectMessage {
        code: "rule::misplaced-expect-message",
        severity: Error,
        kind: Diagnostic,
        summary: "`expect_message` on a `valid` case",
        doc: "`expect_message` gives the exact message one finding of the rule must have in an \
              `invalid` case; `gplint rules test` compares it. A `valid` case must give no \
              finding at all, so there is no message to compare: move the key to an `invalid` \
              case, or remove it.",
    },
    RuleMissingTests {
        code: "rule::missing-tests",
        severity: Error,
        kind: Diagnostic,
        summary: "a rule without a `valid` and an `invalid` case",
        doc: "Every rule carries its own cases: at least one `invalid` case it must report and \
              one `valid` case it must not, which `gplint rules test` runs. A rule without them \
              is refused, because nothing would show that it can fire, or that it keeps quiet \
              on a good template. Add a case under each of `tests.invalid` and `tests.valid`.",
    },
    // ---- waiver: waivers against rules and findings ----
    WaiverUnknownRule {
        code: "waiver::unknown-rule",
        severity: Error,
        kind: Diagnostic,
        summary: "a waiver that names no loaded rule",
        doc: "A waiver's `rule` names a rule by id (`GPL101`) or name, and no rule loaded in \
              this run has it: a misspelling, or a team rule whose `--rules` folder was not \
              given. Such a waiver would waive nothing. Correct the rule, or pass its folder; \
              `gplint rules` lists the rules.",
    },
    WaiverExpired {
        code: "waiver::expired",
        severity: Warning,
        kind: Finding,
        summary: "a waiver past its `expires` date",
        doc: "The waiver's expiry date has passed, so the findings it covered count again and \
              this finding says so. Fix what the waiver covered, or, if the exception still \
              stands, give it a new reason and a new date.",
    },
    WaiverStale {
        code: "waiver::stale",
        severity: Warning,
        kind: Finding,
        summary: "a waiver that matches no finding",
        doc: "The waiver is live but matches no finding of this run: what it accepted has been \
              fixed, or its account, logon type, scope or file no longer match. A waiver that \
              waives nothing would quietly accept the problem if it came back. Delete the \
              waiver.",
    },
    // ---- gplint::source: reading an input file ----
    GplintSourceNotFound {
        code: "gplint::source::not_found",
        severity: Error,
        kind: Error,
        summary: "nothing at the path given",
        doc: "No file or folder exists at the path. Check the path; in a GPO folder the template \
              is `MACHINE\\Microsoft\\Windows NT\\SecEdit\\GptTmpl.inf`.",
    },
    GplintSourceIsDirectory {
        code: "gplint::source::is_directory",
        severity: Error,
        kind: Error,
        summary: "a folder where a file is wanted",
        doc: "The path is a folder where a file is wanted, such as `--expect`. Give the file \
              itself; templates alone may be given as GPO folders or folders of backups, to \
              `check`, `explain`, `dump` and `init`.",
    },
    GplintSourceIo {
        code: "gplint::source::io",
        severity: Error,
        kind: Error,
        summary: "a file that cannot be read, e.g. permission denied",
        doc: "The operating system refused to read the file; the message gives its reason. \
              Check that the file exists and that you may read it.",
    },
    GplintSourceNotAFile {
        code: "gplint::source::not_a_file",
        severity: Error,
        kind: Error,
        summary: "a pipe, socket or device where a file is wanted",
        doc: "The path is a FIFO, a socket or a device. Reading one could block forever or never \
              end, so gplint refuses it. Give the template or expectations file itself.",
    },
    GplintSourceLink {
        code: "gplint::source::link",
        severity: Error,
        kind: Error,
        summary: "a symbolic link inside a folder, not followed",
        doc: "A link inside a folder gplint walks could point anywhere (outside the tree, to a \
              device, round in a loop), so gplint reads only files stored in the folder. Copy \
              the file the link points to into the folder, or give that file as an argument.",
    },
    GplintSourceNotATemplate {
        code: "gplint::source::not_a_template",
        severity: Error,
        kind: Error,
        summary: "an XML or HTML file given as a template",
        doc: "The file is a GPMC backup's `Backup.xml` or `bkupInfo.xml`, a `gpreport.xml`, a \
              `gpresult /x` report or another XML or HTML file, known by its content whatever \
              its name. It holds no security template gplint can read line by line. Give the \
              backup folder, or the `GptTmpl.inf` under its `DomainSysvol/GPO/Machine/microsoft/\
              windows nt/SecEdit`, as the message names.",
    },
    GplintSourceStreamTooLarge {
        code: "gplint::source::stream_too_large",
        severity: Error,
        kind: Error,
        summary: "standard input goes on past --max-file-size",
        doc: "A template read from standard input (`-`) holds more bytes than the limit for one \
              input file; gplint stops reading there rather than hold an unbounded stream in \
              memory. Check what is piped in, or raise the limit with `--max-file-size`.",
    },
    GplintSourceTooLarge {
        code: "gplint::source::too_large",
        severity: Error,
        kind: Error,
        summary: "a file larger than --max-file-size",
        doc: "The file is larger than the limit for one input file. Templates are small, so a \
              very large one is usually the wrong file; the limit keeps a run's memory bounded. \
              Check that it is the file you meant, or raise the limit with `--max-file-size`.",
    },
    GplintSourceLineTooLong {
        code: "gplint::source::line_too_long",
        severity: Error,
        kind: Error,
        summary: "a line longer than --max-line-length",
        doc: "A line of the file is longer than the limit for one line. A template's lines are \
              short, so this is usually not a template. Check the file, or raise the limit with \
              `--max-line-length`.",
    },
    GplintSourceTooManyEntries {
        code: "gplint::source::too_many_entries",
        severity: Error,
        kind: Error,
        summary: "a line listing more entries than --max-holders",
        doc: "A line lists more entries (a right's holders, a group's members) than the limit \
              for one line. Grant the right to a group instead of to each account, or raise \
              the limit with `--max-holders`.",
    },
    GplintSourceDecode {
        code: "gplint::source::decode",
        severity: Error,
        kind: Error,
        summary: "a file whose bytes are not text gplint can read",
        doc: "The file could not be decoded as a template: its cause follows in the message \
              (`gplint::source::empty`, `gplint::source::odd_utf16_length`, \
              `gplint::source::binary`).",
    },
    GplintSourceEmpty {
        code: "gplint::source::empty",
        severity: Error,
        kind: Error,
        summary: "an empty file, or one holding only a byte-order mark",
        doc: "A security template has at least one section, and this file has no bytes at all. \
              Export a template with `secedit /export /cfg <file>.inf`, or check that this is \
              the file you meant.",
    },
    GplintSourceOddUtf16Length {
        code: "gplint::source::odd_utf16_length",
        severity: Error,
        kind: Error,
        summary: "UTF-16 with an odd number of bytes",
        doc: "UTF-16 text has two bytes per code unit, so an odd length means the file was cut \
              short or is not UTF-16 despite its byte-order mark. Restore the file from a good \
              copy, or re-save it as UTF-16LE with BOM (what secedit writes).",
    },
    GplintSourceBinary {
        code: "gplint::source::binary",
        severity: Error,
        kind: Error,
        summary: "binary data where a template is wanted",
        doc: "The file holds NUL bytes or many control characters, so it is not a text file \
              and certainly not a template. Give a security template: a GPO's GptTmpl.inf or a \
              `secedit /export` .inf file.",
    },
    // ---- gplint::sid: a text that should be a SID ----
    GplintSidEmpty {
        code: "gplint::sid::empty",
        severity: Error,
        kind: Error,
        summary: "an empty text where a SID is wanted",
        doc: "A SID is written `S-1-<authority>-<sub-authority>…`, e.g. S-1-5-32-544; an empty \
              text is none. Write the SID.",
    },
    GplintSidMissingPrefix {
        code: "gplint::sid::missing_prefix",
        severity: Error,
        kind: Error,
        summary: "a SID that does not start with `S-`",
        doc: "Every SID starts with `S-` (or `s-`). Write it as Windows prints it, e.g. \
              S-1-5-32-544.",
    },
    GplintSidTrailingDash {
        code: "gplint::sid::trailing_dash",
        severity: Error,
        kind: Error,
        summary: "a SID that ends with `-`",
        doc: "The SID's last part is missing after the final dash, often a cut copy. Write the \
              whole SID.",
    },
    GplintSidEmptyPart {
        code: "gplint::sid::empty_part",
        severity: Error,
        kind: Error,
        summary: "a SID with an empty part (`--`)",
        doc: "Two dashes in a row leave a part of the SID empty. Write the SID with one number \
              between each pair of dashes.",
    },
    GplintSidMissingAuthority {
        code: "gplint::sid::missing_authority",
        severity: Error,
        kind: Error,
        summary: "a SID that stops after its revision",
        doc: "The SID has a revision (`S-1`) but no identifier authority (the 5 in S-1-5-…). \
              Write the whole SID.",
    },
    GplintSidNotADigit {
        code: "gplint::sid::not_a_digit",
        severity: Error,
        kind: Error,
        summary: "a SID part with a character that is not a digit",
        doc: "Every part of a SID after `S` is a decimal number (the authority may be hex after \
              `0x`). The message names the part and the character; correct it.",
    },
    GplintSidBadHexAuthority {
        code: "gplint::sid::bad_hex_authority",
        severity: Error,
        kind: Error,
        summary: "a hex authority without 1 to 12 hex digits",
        doc: "An identifier authority written in hex (`0x…`) has 1 to 12 hex digits, since it \
              is a 48-bit number. Correct the authority.",
    },
    GplintSidUnsupportedRevision {
        code: "gplint::sid::unsupported_revision",
        severity: Error,
        kind: Error,
        summary: "a SID whose revision is not 1",
        doc: "Every SID has revision 1 (`S-1-…`); no other revision exists. Correct the number \
              after `S-`.",
    },
    GplintSidAuthorityTooLarge {
        code: "gplint::sid::authority_too_large",
        severity: Error,
        kind: Error,
        summary: "an identifier authority larger than 48 bits",
        doc: "The identifier authority is a 48-bit number, at most 281474976710655. Correct \
              the authority.",
    },
    GplintSidSubAuthorityTooLarge {
        code: "gplint::sid::sub_authority_too_large",
        severity: Error,
        kind: Error,
        summary: "a sub-authority larger than 32 bits",
        doc: "Each sub-authority (the numbers after the authority) is a 32-bit number, at most \
              4294967295. The message names the part; correct it.",
    },
    GplintSidTooManySubAuthorities {
        code: "gplint::sid::too_many_sub_authorities",
        severity: Error,
        kind: Error,
        summary: "a SID with more than 15 sub-authorities",
        doc: "A SID has at most 15 sub-authorities. Check that two SIDs were not run together.",
    },
    // ---- gplint::discover: GPO folders and backups ----
    GplintDiscoverNoGpo {
        code: "gplint::discover::no_gpo",
        severity: Error,
        kind: Error,
        summary: "a folder that holds no GPO",
        doc: "The folder given has no `GPT.INI` (a SYSVOL GPO folder) or `bkupInfo.xml` (a \
              GPMC backup) anywhere below it, so it holds no template gplint can find. Give a \
              SYSVOL Policies folder, one GPO folder, a folder of GPMC backups, or a template \
              file.",
    },
    GplintDiscoverUnreadable {
        code: "gplint::discover::unreadable",
        severity: Error,
        kind: Error,
        summary: "a folder or GPO file that cannot be read",
        doc: "A folder, `GPT.INI` or backup file in the tree could not be read; the message \
              gives the operating system's reason. Check the path and its permissions.",
    },
    GplintDiscoverBadXml {
        code: "gplint::discover::bad_xml",
        severity: Error,
        kind: Error,
        summary: "a GPMC backup file that is not well-formed XML",
        doc: "GPMC writes `bkupInfo.xml` and `Backup.xml`, which give a backup's GPO name, GUID \
              and links; this one cannot be read as XML, so the backup is skipped. Take a fresh \
              backup with Backup-GPO or the GPMC console, or restore the file.",
    },
    GplintDiscoverDecode {
        code: "gplint::discover::decode",
        severity: Error,
        kind: Error,
        summary: "a GPO file (GPT.INI, backup XML) that is not text",
        doc: "A file that names a GPO could not be decoded as text, so its GPO cannot be \
              identified. Restore it from a good copy.",
    },
    GplintDiscoverTooManyFiles {
        code: "gplint::discover::too_many_files",
        severity: Error,
        kind: Error,
        summary: "a tree with more files and folders than --max-files",
        doc: "The folder holds more entries than the limit for one tree, which keeps a run \
              given a whole drive by mistake from walking it. Give the Policies folder or one \
              GPO folder, or raise the limit with `--max-files`.",
    },
    GplintDiscoverSkipped {
        code: "gplint::discover::skipped",
        severity: Warning,
        kind: Error,
        summary: "an item in a folder that was not read",
        doc: "While walking a folder gplint met something it does not read (a symbolic link, a \
              pipe or device, a file it could not open) and printed one `warning:` line naming \
              it and what the run misses because of it. The rest of the folder is checked, but \
              the run ends with exit code 2, since its result may be incomplete. Remove or \
              replace the item, or give the GPOs you mean one by one.",
    },
    // ---- gplint::directory: reading a directory export ----
    GplintDirectoryNotRecognised {
        code: "gplint::directory::not_recognised",
        severity: Error,
        kind: Error,
        summary: "a --directory file that is neither LDIF nor a BloodHound collection",
        doc: "gplint reads a directory export by its content: an LDIF file starts with `dn:` or \
              `version:` (after comments), a SharpHound collection is a folder or a `.zip` of \
              JSON files with a `meta` object, or one such file. Give the LDIF that `ldifde -f` \
              or `ldapsearch -LLL` wrote, or the SharpHound output as it was collected.",
    },
    GplintDirectoryTooLarge {
        code: "gplint::directory::too_large",
        severity: Error,
        kind: Error,
        summary: "a directory export larger than --max-directory-size",
        doc: "The export file, or a member of its zip, is larger than the limit for one \
              directory export (4 GiB unless `--max-directory-size` says otherwise). The limit \
              keeps a run's time and memory bounded. Check that it is the export you meant; if \
              it is, raise the limit with `--max-directory-size`.",
    },
    GplintDirectoryJson {
        code: "gplint::directory::json",
        severity: Error,
        kind: Error,
        summary: "a SharpHound file that is not well-formed JSON",
        doc: "A file of a SharpHound collection is not JSON, is cut short, or has a record \
              whose fields have the wrong type for SharpHound v5 or v6 (a `Members` that is \
              not a list, an `enabled` that is not true or false). The message gives the file \
              (for a zip, `collection.zip:member.json`), the line and the column. Give the \
              files as SharpHound wrote them, or collect the domain again.",
    },
    GplintDirectoryBloodhoundVersion {
        code: "gplint::directory::bloodhound_version",
        severity: Error,
        kind: Error,
        summary: "a SharpHound file older than format version 5",
        doc: "The file's `meta.version` is below 5: it was written by SharpHound 1.0 or \
              older (BloodHound 4.2 or before), whose records have other shapes. gplint reads \
              version 5 (SharpHound 1.1, BloodHound 4.3) and version 6 (SharpHound CE). \
              Collect the domain again with a current SharpHound, or export it as LDIF.",
    },
    GplintDirectoryNoSharphoundFile {
        code: "gplint::directory::no_sharphound_file",
        severity: Error,
        kind: Error,
        summary: "a folder or zip with no SharpHound users or groups file",
        doc: "The folder or `.zip` given to `--directory` holds no SharpHound file of type \
              `users`, `groups`, `computers` or `domains` (files are told by their `meta` \
              object, not by their names; other SharpHound types such as `gpos` are skipped). \
              Give the folder or zip SharpHound wrote, or the zip inside the folder.",
    },
    GplintDirectoryZipMemberTooLarge {
        code: "gplint::directory::zip_member_too_large",
        severity: Error,
        kind: Error,
        summary: "a zip member that inflates past --max-directory-size",
        doc: "A JSON member of a SharpHound zip is larger, once inflated, than the limit for \
              one directory export file; gplint checks both the size the zip declares and the \
              bytes it actually inflates, so a zip bomb stops at the limit. Check that this is \
              the collection you meant; if it is, raise the limit with `--max-directory-size`.",
    },
    GplintDirectoryZip {
        code: "gplint::directory::zip",
        severity: Error,
        kind: Error,
        summary: "a SharpHound zip that cannot be read",
        doc: "The `.zip` is corrupt, encrypted, or compressed with a method other than \
              Deflate, or a member's checksum does not match; the message gives the zip \
              reader's reason. Give the zip as SharpHound wrote it, without a password, or \
              unpack it and give the folder.",
    },
    GplintDirectoryLdifLineTooLong {
        code: "gplint::directory::ldif_line_too_long",
        severity: Error,
        kind: Error,
        summary: "an ldif line over --max-line-length once unfolded",
        doc: "An LDIF value may continue on lines that begin with one space; joined, one logical \
              line is at most `--max-line-length` bytes, so one damaged or hostile line cannot \
              take the memory. Exports write one line per value (a group's members are one \
              `member:` line each), so no genuine line comes near the limit. Export again, or \
              raise the limit if the value is genuine.",
    },
    GplintDirectoryLdifSyntax {
        code: "gplint::directory::ldif_syntax",
        severity: Error,
        kind: Error,
        summary: "an ldif line that is not `attribute: value`",
        doc: "Each line of an LDIF record is `attribute: value`, `attribute:: base64` or \
              `attribute:< URL`, continued on lines that begin with one space. The message \
              names the line but never quotes it, since a badly folded line may be part of a \
              password. Export again with `ldifde -f` or `ldapsearch -LLL`.",
    },
    GplintDirectoryLdifValue {
        code: "gplint::directory::ldif_value",
        severity: Error,
        kind: Error,
        summary: "an ldif value gplint reads that cannot be decoded",
        doc: "A value the model uses (`objectSid`, `logonHours`, `userAccountControl`, \
              `pwdLastSet`, a member DN…) is not what Active Directory stores: a SID of the \
              wrong length, logon hours that are not 21 bytes, a number that is not one, base64 \
              that does not decode, text that is not UTF-8. Secrets are never decoded, so they \
              never cause this. Export again without editing the file.",
    },
    GplintDirectoryLdifIncomplete {
        code: "gplint::directory::ldif_incomplete",
        severity: Error,
        kind: Error,
        summary: "a password settings object without a needed attribute",
        doc: "A fine-grained password policy (`msDS-PasswordSettings`) governs an account only \
              with its precedence, maximum password age and lockout threshold; an export that \
              left one out (an attribute list on the command line) would give wrong verdicts. \
              Export every attribute of these objects, or leave them out of the export.",
    },
    GplintDirectoryReadFailed {
        code: "gplint::directory::read_failed",
        severity: Error,
        kind: Error,
        summary: "a directory export that failed part-way through reading",
        doc: "The system refused a read in the middle of the export (a network share that went \
              away, a disk error). Nothing of the export is used. Check the file and run again.",
    },
    // ---- gplint::output: writing the result ----
    GplintOutputStdout {
        code: "gplint::output::stdout",
        severity: Error,
        kind: Error,
        summary: "standard output could not be written",
        doc: "A write to standard output failed (a full disk, a device that refuses data). The \
              run ends with exit code 2 rather than leave a partial report that looks whole. \
              Check the disk, file or pipe standard output goes to.",
    },
    GplintOutputJson {
        code: "gplint::output::json",
        severity: Error,
        kind: Error,
        summary: "a JSON document that could not be built",
        doc: "The result could not be serialised as JSON. This is a bug in gplint: please \
              report it with the command line. The run ends with exit code 2 rather than print \
              an empty or partial document.",
    },
    GplintOutputInput {
        code: "gplint::output::input",
        severity: Error,
        kind: Error,
        summary: "--output names a file this run reads",
        doc: "gplint never writes to a file it reads, so `--output` may not name an input or \
              a file in an input folder. Name a file outside the inputs.",
    },
    GplintOutputSymlink {
        code: "gplint::output::symlink",
        severity: Error,
        kind: Error,
        summary: "--output names a symbolic link",
        doc: "gplint follows no link when it writes, so a link cannot redirect the report onto \
              another file. Name the file the link points to, or leave out `--output`.",
    },
    GplintOutputFolder {
        code: "gplint::output::folder",
        severity: Error,
        kind: Error,
        summary: "--output names a folder",
        doc: "The report is one file. Name a file inside the folder.",
    },
    GplintOutputNotAFile {
        code: "gplint::output::not_a_file",
        severity: Error,
        kind: Error,
        summary: "--output names a socket or a block device",
        doc: "gplint writes reports to a regular file, a character device or a named pipe; the \
              path is a socket or a block device, which gplint does not write a report into. \
              Name a regular file.",
    },
    GplintOutputWrite {
        code: "gplint::output::write",
        severity: Error,
        kind: Error,
        summary: "the report file could not be written",
        doc: "Writing the `--output` file failed. gplint writes to a temporary file beside it \
              and replaces the target only once the report is complete, so the old file is left \
              as it was. Check that the folder exists, that you may write there, and the space \
              left.",
    },
    // ---- gplint::args, gplint::input, gplint::expect_file: the command line ----
    GplintArgsOneDash {
        code: "gplint::args::one_dash",
        severity: Error,
        kind: Error,
        summary: "a long option written with one dash",
        doc: "`-expect x` (a PowerShell habit) is not `--expect x`: a parser would read it as \
              short options or a file name and fail somewhere else. gplint refuses it before \
              reading the command line and names the option with two dashes: write `--expect`.",
    },
    GplintArgsUnknownRule {
        code: "gplint::args::unknown_rule",
        severity: Error,
        kind: Error,
        summary: "a --select or --ignore value that matches no rule",
        doc: "`--select` and `--ignore` take rule ids (`GPL412`), prefixes of them (`GPL4` is \
              every GPL4xx rule, as ruff reads them) or rule names, separated by commas. A value \
              that matches no loaded rule selects nothing, most likely by a typo, so gplint \
              refuses it and suggests the nearest id or prefix. `gplint rules` lists the rules; \
              a team rule needs its `--rules` folder.",
    },
    GplintInputStdinTwice {
        code: "gplint::input::stdin_twice",
        severity: Error,
        kind: Error,
        summary: "the template path `-` given more than once",
        doc: "`-` reads a template from standard input, which can be read once. Give `-` once, \
              and the other templates by their paths.",
    },
    GplintExpectFileMissing {
        code: "gplint::expect_file::missing",
        severity: Error,
        kind: Error,
        summary: "the expectations file does not exist",
        doc: "The path given with `--expect` names no file. When a file of a near name is \
              beside it (`services.yaml.txt`, `services.yml`, another case) gplint names it; \
              otherwise it shows how to write one: `gplint init <templates> > services.yaml`.",
    },
    GplintExpectFileFolder {
        code: "gplint::expect_file::folder",
        severity: Error,
        kind: Error,
        summary: "--expect names a folder",
        doc: "The expectations file is one YAML file. Name the file; when the folder holds a \
              `services.yaml`, gplint names it.",
    },
    GplintExpectFileEmpty {
        code: "gplint::expect_file::empty",
        severity: Error,
        kind: Error,
        summary: "the expectations file has no bytes",
        doc: "An empty expectations file declares no account, so it checks nothing. Write the \
              accounts and how they must, or must not, log on; `gplint init <templates> > \
              services.yaml` writes a starting file from what the templates grant today.",
    },
    GplintExpectFileNotText {
        code: "gplint::expect_file::not_text",
        severity: Error,
        kind: Error,
        summary: "the expectations file is not text",
        doc: "The file given with `--expect` holds binary data or truncated UTF-16, so it is \
              not the YAML gplint expects. Check that it is the file you meant, and save it as \
              UTF-8.",
    },
    // ---- gplint::diff: revisions given to `gplint diff` ----
    GplintDiffGit {
        code: "gplint::diff::git",
        severity: Error,
        kind: Error,
        summary: "git could not read a revision given to diff",
        doc: "`gplint diff` reads a side given as `REV:PATH` through the `git` command, run in \
              the current folder. git could not be run, or refused: the revision is unknown \
              (a typo, a branch not fetched), or the folder is not in a repository. The \
              message quotes git's first line. Fetch the branch, name a revision `git log` \
              shows, or give the side as a folder.",
    },
    GplintDiffNoPath {
        code: "gplint::diff::no_path",
        severity: Error,
        kind: Error,
        summary: "a revision given to diff has nothing at the path",
        doc: "`REV:PATH` names a path from the repository's top, as `git show REV:PATH` \
              does; the revision has no file under it. Check the path's spelling and case \
              with `git ls-tree -r REV`.",
    },
    GplintDiffCopy {
        code: "gplint::diff::copy",
        severity: Error,
        kind: Error,
        summary: "a revision's files could not be copied for diff",
        doc: "gplint copies the files of `REV:PATH` into a temporary folder and reads them as \
              a checkout. The copy failed: the temporary folder (TMPDIR) is full or not \
              writable, or git's output could not be read. Make room, or give the side as a \
              folder.",
    },
}
