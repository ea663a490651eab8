//! SharpHound/BloodHound collections read by `--directory`: a folder, a
//! zip built here from the same files, single v5 and v6 files, and the
//! inputs that must be refused (issue 17, "Done when" point 2).
//!
//! The ESC1.LOCAL tests read the BloodHound project's own v6 ingest
//! fixtures from the shared corpus (`directory/bloodhound-esc1/`, see its
//! SOURCE.md) and skip without `GPLINT_CORPUS`; each has a twin on the
//! hand-written `tests/fixtures/directory/bloodhound-v6/`.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use gplint::directory::{
    self, DirectoryError, DirectoryLimits, Export, Object, ObjectKind, Reference,
};
use gplint::principal::Sid;
use gplint::source::Links;

const ESC1: &str = "S-1-5-21-909015691-3030120388-2582151266";
const LAB: &str = "S-1-5-21-1111111111-2222222222-3333333333";

fn read(path: &Path) -> Result<Export, DirectoryError> {
    read_within(path, DirectoryLimits::default())
}

fn read_within(path: &Path, limits: DirectoryLimits) -> Result<Export, DirectoryError> {
    let name = path.display().to_string();
    directory::read(&name, path, &limits, Links::Follow)
}

fn sid(text: &str) -> Sid {
    Sid::parse(text).unwrap()
}

fn by_sid<'a>(export: &'a Export, text: &str) -> &'a Object {
    let wanted = sid(text);
    let found: Vec<_> = export
        .objects
        .iter()
        .filter(|o| o.sid == Some(wanted))
        .collect();
    assert_eq!(found.len(), 1, "{text}: {found:?}");
    found[0]
}

/// The SIDs of the groups whose member lists name `member`, sorted.
fn groups_listing(export: &Export, member: &str) -> Vec<String> {
    let member = Reference::Sid(sid(member));
    let mut groups: Vec<String> = export
        .objects
        .iter()
        .filter(|o| o.kind == ObjectKind::Group && o.members.contains(&member))
        .filter_map(|o| o.sid.map(|s| s.to_string()))
        .collect();
    groups.sort();
    groups
}

fn lab_fixture() -> PathBuf {
    common::fixture("directory/bloodhound-v6")
}

fn esc1() -> Option<PathBuf> {
    Some(common::corpus()?.join("directory/bloodhound-esc1"))
}

/// Zips the `*.json` files of `folder` into `zip`, each under `prefix`,
/// with a macOS metadata member that must be skipped.
fn zip_folder(folder: &Path, zip: &Path, prefix: &str) {
    let mut names: Vec<_> = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    let mut writer = zip::ZipWriter::new(fs::File::create(zip).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for name in &names {
        writer
            .start_file(format!("{prefix}{name}"), options)
            .unwrap();
        writer
            .write_all(&fs::read(folder.join(name)).unwrap())
            .unwrap();
    }
    writer
        .start_file(format!("__MACOSX/{prefix}._users.json"), options)
        .unwrap();
    writer.write_all(b"\0\x05\x16\x07 not json").unwrap();
    writer.finish().unwrap();
}

/// The same objects and domains, read from the same places (only the
/// files' names differ).
fn assert_same_content(folder: &Export, zipped: &Export) {
    assert_eq!(folder.files.len(), zipped.files.len());
    assert_eq!(folder.objects, zipped.objects);
    assert_eq!(folder.domains, zipped.domains);
}

#[test]
fn esc1_folder_resolves_an_account_with_its_groups() {
    let Some(folder) = esc1() else { return };
    let export = read(&folder).unwrap();
    // Researcher is ESC1's RID-500 account; groups.json lists it in five
    // groups, BUILTIN Administrators among them as `ESC1.LOCAL-S-1-5-32-544`.
    let researcher = by_sid(&export, &format!("{ESC1}-500"));
    assert_eq!(researcher.sam_account_name, "Researcher");
    assert_eq!(researcher.kind, ObjectKind::User);
    assert_eq!(researcher.primary_group_rid, Some(513));
    assert_eq!(
        researcher.dn.as_deref(),
        Some("CN=RESEARCHER,CN=USERS,DC=ESC1,DC=LOCAL")
    );
    let mut expected: Vec<String> = ["512", "518", "519", "520"]
        .iter()
        .map(|rid| format!("{ESC1}-{rid}"))
        .chain(["S-1-5-32-544".to_owned()])
        .collect();
    expected.sort();
    assert_eq!(groups_listing(&export, &format!("{ESC1}-500")), expected);
    // Garcia (1113) is in Group 1 only, which is itself in nothing listed.
    assert_eq!(
        groups_listing(&export, &format!("{ESC1}-1113")),
        [format!("{ESC1}-1106")]
    );
    let guest = by_sid(&export, &format!("{ESC1}-501"));
    assert_eq!(guest.primary_group_rid, Some(514));
    assert!(guest.account_control.unwrap().disabled);
    // The stubs BloodHound repeats are joined, and well-known principals
    // (NETWORK SERVICE, EVERYONE) are no directory objects.
    let admins = by_sid(&export, "S-1-5-32-544");
    assert_eq!(admins.sam_account_name, "Administrators");
    assert!(
        export
            .objects
            .iter()
            .all(|o| o.sid != Some(sid("S-1-5-20")) && o.sid != Some(sid("S-1-1-0")))
    );
    let dc = by_sid(&export, &format!("{ESC1}-1000"));
    assert_eq!(
        (dc.kind, dc.sam_account_name.as_str()),
        (ObjectKind::Computer, "ESC1-DC$")
    );
    assert!(dc.has_spn);
    assert_eq!(export.domains.len(), 1, "{:?}", export.domains);
    let domain = &export.domains[0];
    assert_eq!(domain.dns_name, "ESC1.LOCAL");
    assert_eq!(domain.sid, Some(sid(ESC1)));
    assert_eq!(domain.dn.as_deref(), Some("DC=ESC1,DC=LOCAL"));
    assert_eq!(export.files.len(), 4);
}

#[test]
fn esc1_zip_built_here_reads_as_the_folder() {
    let Some(folder) = esc1() else { return };
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("esc1.zip");
    zip_folder(&folder, &zip, "20240101_");
    let zipped = read(&zip).unwrap();
    assert_same_content(&read(&folder).unwrap(), &zipped);
    assert!(
        zipped.files[0].ends_with("esc1.zip:20240101_computers.json"),
        "{:?}",
        zipped.files
    );
}

#[test]
fn own_v6_folder_reads_accounts_groups_and_domain() {
    let export = read(&lab_fixture()).unwrap();
    let svc = by_sid(&export, &format!("{LAB}-1105"));
    assert_eq!(
        (svc.kind, svc.sam_account_name.as_str()),
        (ObjectKind::User, "svc_sql")
    );
    assert_eq!(svc.primary_group_rid, Some(513));
    assert!(svc.has_spn);
    assert_eq!(svc.password_last_set, Some(1_700_000_000));
    let flags = svc.account_control.unwrap();
    assert!(flags.password_never_expires && !flags.disabled);
    // The stub of BUILTIN Administrators adds its member to the full entry.
    assert_eq!(
        groups_listing(&export, &format!("{LAB}-1105")),
        [
            "S-1-5-21-1111111111-2222222222-3333333333-1201",
            "S-1-5-32-544"
        ]
    );
    let admins = by_sid(&export, "S-1-5-32-544");
    assert_eq!(
        admins.dn.as_deref(),
        Some("CN=ADMINISTRATORS,CN=BUILTIN,DC=LAB,DC=TEST")
    );
    let old = by_sid(&export, &format!("{LAB}-1106"));
    assert!(old.account_control.unwrap().disabled);
    assert_eq!(old.password_last_set, Some(0));
    let gmsa = by_sid(&export, &format!("{LAB}-1107"));
    assert_eq!(
        (gmsa.kind, gmsa.sam_account_name.as_str()),
        (ObjectKind::Gmsa, "gmsa_web$")
    );
    assert_eq!(
        groups_listing(&export, &format!("{LAB}-1107")),
        [format!("{LAB}-1202")]
    );
    let sql01 = by_sid(&export, &format!("{LAB}-1300"));
    assert_eq!(sql01.kind, ObjectKind::Computer);
    assert_eq!(sql01.primary_group_rid, Some(515));
    // Objects: 3 accounts, 5 groups, 1 computer; no NETWORK SERVICE or
    // EVERYONE, no GPO.
    assert_eq!(export.objects.len(), 9, "{:#?}", export.objects);
    let [domain] = export.domains.as_slice() else {
        panic!("{:?}", export.domains)
    };
    assert_eq!(domain.dns_name, "LAB.TEST");
    assert_eq!(domain.netbios_name.as_deref(), Some("LAB"));
    assert_eq!(domain.max_password_age_days, Some(60));
    assert_eq!(domain.lockout_threshold, Some(5));
    // `line` is the object's position in `data`; files in name order.
    assert!(export.files[svc.origin.file as usize].ends_with("20250301_users.json"));
    assert_eq!((svc.origin.line, gmsa.origin.line), (1, 3));
    assert_eq!(svc.lines.account_control, Some(1));
}

#[test]
fn own_v6_zip_reads_as_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("lab.zip");
    zip_folder(&lab_fixture(), &zip, "collected/2025/");
    let zipped = read(&zip).unwrap();
    assert_same_content(&read(&lab_fixture()).unwrap(), &zipped);
    assert!(zipped.files[0].ends_with("lab.zip:collected/2025/20250301_computers.json"));
}

/// Writes `text` as `name` in a new temporary folder.
fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    (dir, path)
}

/// A v5 file as SharpHound 1.1 wrote it: no `samaccountname`, `SpnTargets`.
const V5_USERS: &str = r#"{"meta": {"methods": 46067, "type": "users", "count": 2, "version": 5},
 "data": [
  {"Properties": {"domain": "TESTLAB.LOCAL", "name": "SVC_BACKUP@TESTLAB.LOCAL",
    "distinguishedname": "CN=SVC_BACKUP,CN=USERS,DC=TESTLAB,DC=LOCAL",
    "domainsid": "S-1-5-21-3130019616-2776909439-2417379446",
    "pwdneverexpires": true, "enabled": false, "lastlogontimestamp": -1,
    "pwdlastset": -1, "serviceprincipalnames": [], "hasspn": false, "sidhistory": []},
   "AllowedToDelegate": [], "PrimaryGroupSID": "S-1-5-21-3130019616-2776909439-2417379446-513",
   "HasSIDHistory": [], "SpnTargets": [], "Aces": [],
   "ObjectIdentifier": "S-1-5-21-3130019616-2776909439-2417379446-2106",
   "IsDeleted": false, "IsACLProtected": false}
 ]}"#;

#[test]
fn a_v5_users_file_reads_with_names_from_name() {
    let (_dir, path) = write("users.json", V5_USERS);
    let export = read(&path).unwrap();
    let user = by_sid(&export, "S-1-5-21-3130019616-2776909439-2417379446-2106");
    assert_eq!(user.sam_account_name, "SVC_BACKUP");
    assert_eq!(user.kind, ObjectKind::User);
    assert_eq!(user.primary_group_rid, Some(513));
    let flags = user.account_control.unwrap();
    assert!(flags.disabled && flags.password_never_expires);
    // SharpHound's -1: never set or not read.
    assert_eq!(user.password_last_set, None);
}

#[test]
fn a_v5_groups_file_keeps_members_by_sid() {
    let text = r#"{"meta": {"type": "groups", "count": 1, "version": 5}, "data": [
      {"Properties": {"domain": "TESTLAB.LOCAL", "name": "BACKUP OPERATORS@TESTLAB.LOCAL",
        "distinguishedname": "CN=BACKUP OPERATORS,CN=BUILTIN,DC=TESTLAB,DC=LOCAL"},
       "Members": [{"ObjectIdentifier": "S-1-5-21-3130019616-2776909439-2417379446-2106",
                    "ObjectType": "User"},
                   {"ObjectIdentifier": "TESTLAB.LOCAL-S-1-5-32-545", "ObjectType": "Group"}],
       "Aces": [], "ObjectIdentifier": "TESTLAB.LOCAL-S-1-5-32-551"}]}"#;
    let (_dir, path) = write("groups.json", text);
    let export = read(&path).unwrap();
    let group = by_sid(&export, "S-1-5-32-551");
    assert_eq!(group.sam_account_name, "BACKUP OPERATORS");
    assert_eq!(
        group.members,
        [
            Reference::Sid(sid("S-1-5-21-3130019616-2776909439-2417379446-2106")),
            Reference::Sid(sid("S-1-5-32-545")),
        ]
    );
}

#[test]
fn a_version_4_file_is_refused_naming_its_version() {
    let text = V5_USERS.replace("\"version\": 5", "\"version\": 4");
    let (_dir, path) = write("users.json", &text);
    let error = read(&path).unwrap_err();
    assert!(
        matches!(error, DirectoryError::BloodHoundVersion { version: 4, .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(message.contains("version 4"), "{message}");
    assert!(message.contains("users.json"), "{message}");
}

#[test]
fn json_that_is_no_sharphound_file_is_refused() {
    let (_dir, path) = write("settings.json", r#"{"name": "x", "data": [1]}"#);
    let error = read(&path).unwrap_err();
    assert!(
        matches!(error, DirectoryError::NotRecognised { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("settings.json") && message.contains("`meta`"),
        "{message}"
    );
}

#[test]
fn a_sharphound_file_of_another_type_alone_is_refused() {
    let gpos = lab_fixture().join("20250301_gpos.json");
    let error = read(&gpos).unwrap_err();
    assert!(
        matches!(error, DirectoryError::NoSharpHoundFile { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("`gpos`"), "{error}");
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a_users.json"), V5_USERS).unwrap();
    fs::write(
        dir.path().join("b_groups.json"),
        "{\"meta\": {\"type\": \"groups\", \"version\": 6},\n \"data\": [\n  {\"Members\": [}]}",
    )
    .unwrap();
    let error = read(dir.path()).unwrap_err();
    let DirectoryError::Json {
        path, line, column, ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert!(path.ends_with("b_groups.json"), "{path}");
    assert_eq!((*line, *column), (3, 16));
    assert!(error.to_string().contains("line 3 column 16"), "{error}");
}

#[test]
fn a_folder_without_sharphound_files_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("notes.txt"), "hello").unwrap();
    fs::write(dir.path().join("collection.zip"), "PK").unwrap();
    let error = read(dir.path()).unwrap_err();
    assert!(
        matches!(error, DirectoryError::NoSharpHoundFile { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("no .json file") && message.contains("collection.zip"),
        "{message}"
    );
}

#[cfg(unix)]
#[test]
fn a_link_inside_a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("elsewhere.txt");
    fs::write(&target, V5_USERS).unwrap();
    let folder = dir.path().join("collection");
    fs::create_dir(&folder).unwrap();
    std::os::unix::fs::symlink(&target, folder.join("users.json")).unwrap();
    let error = read(&folder).unwrap_err();
    assert!(error.to_string().contains("link"), "{error}");
}

#[test]
fn secrets_in_the_input_appear_nowhere_in_the_export() {
    let secrets = [
        "Hunter2-userpassword",
        "Hunter2-unixpassword",
        "Hunter2-unicodepassword",
        "Hunter2-sfupassword",
        "Hunter2-laps",
        "Hunter2-mslaps",
    ];
    let text = format!(
        r#"{{"data": [{{"Properties": {{"samaccountname": "svc_x", "enabled": true,
            "userpassword": "{}", "unixpassword": "{}", "unicodepassword": "{}",
            "sfupassword": "{}", "ms-mcs-admpwd": "{}", "mslaps-password": "{}"}},
          "ObjectIdentifier": "S-1-5-21-1-2-3-1104"}}],
          "meta": {{"type": "users", "version": 6}}}}"#,
        secrets[0], secrets[1], secrets[2], secrets[3], secrets[4], secrets[5]
    );
    let (_dir, path) = write("users.json", &text);
    let export = read(&path).unwrap();
    assert_eq!(export.objects.len(), 1);
    let debug = format!("{export:?}");
    let json = serde_json::to_string(&export).unwrap();
    for secret in secrets {
        assert!(!debug.contains(secret), "{secret} in {debug}");
        assert!(!json.contains(secret), "{secret} in {json}");
    }
}

/// A zip whose one member declares `declared` bytes but inflates to
/// `body`: the sizes in the local header and the central directory are
/// overwritten after writing.
fn lying_zip(path: &Path, body: &[u8], declared: u32) {
    let mut writer = zip::ZipWriter::new(fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    writer.start_file("20250301_users.json", options).unwrap();
    writer.write_all(body).unwrap();
    writer.finish().unwrap();
    let mut bytes = fs::read(path).unwrap();
    // Local file header: uncompressed size at offset 22.
    assert_eq!(&bytes[..4], b"PK\x03\x04");
    bytes[22..26].copy_from_slice(&declared.to_le_bytes());
    // Central directory header: uncompressed size at offset 24.
    let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bytes[central + 24..central + 28].copy_from_slice(&declared.to_le_bytes());
    fs::write(path, bytes).unwrap();
}

/// A users file padded with whitespace to `size` bytes: valid JSON that
/// deflates to almost nothing.
fn padded_users(size: usize) -> Vec<u8> {
    let mut body = br#"{"meta": {"type": "users", "version": 6}, "data": []"#.to_vec();
    body.resize(size - 1, b' ');
    body.push(b'}');
    body
}

#[test]
fn a_zip_bomb_member_is_refused_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("bomb.zip");
    lying_zip(&zip, &padded_users(4_000_000), 200);
    let limits = DirectoryLimits {
        max_file_size: 100_000,
        ..DirectoryLimits::default()
    };
    // Refused by gplint's own bound on the bytes inflated, or first by
    // the zip reader's check of the declared size: either way the member
    // is named and reading stopped long before its 4 MB.
    let error = read_within(&zip, limits).unwrap_err();
    match &error {
        DirectoryError::ZipMemberTooLarge { path, limit } => {
            assert!(path.ends_with("bomb.zip:20250301_users.json"), "{path}");
            assert_eq!(*limit, 100_000);
        }
        DirectoryError::Zip { path, reason } => {
            assert!(path.ends_with("bomb.zip:20250301_users.json"), "{path}");
            assert!(reason.contains("declared"), "{reason}");
        }
        other => panic!("not refused as too large: {other:?}"),
    }
}

#[test]
fn a_zip_member_declared_too_large_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let zip = dir.path().join("big.zip");
    lying_zip(&zip, &padded_users(300_000), 300_000);
    let limits = DirectoryLimits {
        max_file_size: 100_000,
        ..DirectoryLimits::default()
    };
    let error = read_within(&zip, limits).unwrap_err();
    assert!(
        matches!(error, DirectoryError::ZipMemberTooLarge { .. }),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("--max-directory-size") || error.to_string().contains("100000")
    );
    // Within the limit, the same zip reads (it has no objects).
    let export = read(&zip).unwrap();
    assert!(export.objects.is_empty());
}

#[test]
fn a_corrupt_zip_is_refused() {
    let (_dir, path) = write("broken.zip", "PK\x03\x04 then nothing a zip needs");
    let error = read(&path).unwrap_err();
    assert!(matches!(error, DirectoryError::Zip { .. }), "{error:?}");
    assert!(error.to_string().contains("broken.zip"), "{error}");
}
