//! Discovery over the project's fixture trees, temporary trees, and (when
//! `GPLINT_CORPUS` is set) the shared corpus of real GPMC backups.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::*;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/trees")
        .join(rel)
}

fn names(gpos: &[Gpo]) -> Vec<&str> {
    gpos.iter().filter_map(|g| g.name.as_deref()).collect()
}

#[test]
fn sysvol_policies_are_found_in_guid_order() {
    let gpos = discover(&fixture("sysvol")).unwrap();
    assert_eq!(
        names(&gpos),
        [
            "Default Domain Policy",
            "Default Domain Controllers Policy",
            "Servers Baseline"
        ]
    );
    let guids: Vec<_> = gpos.iter().filter_map(|g| g.guid.as_deref()).collect();
    assert_eq!(
        guids,
        [
            "{31B2F340-016D-11D2-945F-00C04FB984F9}",
            "{6AC1786C-016F-11D2-945F-00C04FB984F9}",
            "{E3B1C5A7-2D4F-4B6E-8A0C-9F1D3B5E7A26}",
        ]
    );
    assert!(
        gpos.iter()
            .all(|g| g.kind == GpoKind::Sysvol && g.links.is_empty())
    );
    let policies = fixture("sysvol/contoso.com/Policies");
    assert_eq!(
        gpos[0].template,
        Some(policies.join(
            "{31B2F340-016D-11D2-945F-00C04FB984F9}/MACHINE/Microsoft/Windows NT/SecEdit/GptTmpl.inf"
        ))
    );
    assert_eq!(
        gpos[1].template,
        Some(policies.join(
            "{6AC1786C-016F-11D2-945F-00C04FB984F9}/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf"
        ))
    );
    assert_eq!(gpos[2].template, None);
    assert_eq!(
        gpos[2].root,
        policies.join("{E3B1C5A7-2D4F-4B6E-8A0C-9F1D3B5E7A26}")
    );
}

#[test]
fn one_gpo_folder_is_itself_a_tree() {
    let folder = fixture("sysvol/contoso.com/Policies/{6AC1786C-016F-11D2-945F-00C04FB984F9}");
    let gpos = discover(&folder).unwrap();
    assert_eq!(gpos.len(), 1);
    assert_eq!(gpos[0].root, folder);
    assert_eq!(
        gpos[0].label(),
        "'Default Domain Controllers Policy' {6AC1786C-016F-11D2-945F-00C04FB984F9}"
    );
}

fn link(name: &str, path: &str, enabled: bool, no_override: bool) -> GpoLink {
    GpoLink {
        som_name: name.into(),
        som_path: path.into(),
        enabled,
        no_override,
    }
}

#[test]
fn backups_are_found_with_ids_and_links() {
    let gpos = discover(&fixture("backups")).unwrap();
    assert_eq!(
        names(&gpos),
        [
            "Domain - Logon Restrictions",
            "SQL Servers - Hardening",
            "Servers Baseline"
        ]
    );
    let ids: Vec<_> = gpos
        .iter()
        .map(|g| (g.guid.as_deref().unwrap(), g.backup_id.as_deref().unwrap()))
        .collect();
    assert_eq!(
        ids,
        [
            (
                "{0F6B2D8E-4A1C-4E7B-9C3D-6E8A0B2C4D5F}",
                "{7A5C3E1F-8B6D-4A2C-9E0F-1B3D5F7A9C2E}"
            ),
            (
                "{C7A3E5B9-1D2F-4A6C-8E0B-5F3D7A9C1E24}",
                "{2E8F4A6C-9B1D-4F3E-A5C7-D0B2E4F6A813}"
            ),
            (
                "{4B1E8F2A-7C3D-4E5F-9A6B-2C8D1E0F3A47}",
                "{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}"
            ),
        ]
    );
    assert_eq!(gpos[0].links, [link("contoso", "contoso.com", true, true)]);
    assert_eq!(
        gpos[1].links,
        [link("SQL", "contoso.com/Servers/SQL", true, false)]
    );
    assert_eq!(
        gpos[2].links,
        [
            link("Servers", "contoso.com/Servers", true, false),
            link(
                "Staging Servers",
                "contoso.com/Staging Servers",
                false,
                false
            ),
        ]
    );
    for gpo in &gpos {
        assert_eq!(gpo.kind, GpoKind::Backup);
        let template = gpo.template.as_ref().unwrap();
        assert!(template.starts_with(&gpo.root), "{}", template.display());
        assert!(
            template.ends_with("DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf")
        );
    }
}

#[test]
fn the_whole_fixture_tree_is_backups_then_sysvol() {
    let gpos = discover(&fixture("")).unwrap();
    let kinds: Vec<_> = gpos.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [[GpoKind::Backup; 3], [GpoKind::Sysvol; 3]].concat());
}

#[test]
fn fixture_templates_decode_as_windows_stores_them() {
    use crate::source::{Encoding, SourceFile};
    for gpo in discover(&fixture("")).unwrap() {
        let Some(template) = gpo.template else {
            continue;
        };
        let source = SourceFile::read(&template).unwrap();
        assert_eq!(
            source.encoding,
            Encoding::Utf16LeBom,
            "{}",
            template.display()
        );
        assert!(
            source.text.contains("[Privilege Rights]\r\n"),
            "{}",
            template.display()
        );
    }
}

#[test]
fn a_file_is_one_file_gpo() {
    let file = fixture(
        "backups/SQL Servers - Hardening/{2E8F4A6C-9B1D-4F3E-A5C7-D0B2E4F6A813}/gpreport.xml",
    );
    let gpos = discover(&file).unwrap();
    assert_eq!(gpos, [Gpo::file(&file)]);
    assert_eq!(gpos[0].kind, GpoKind::File);
    assert_eq!(gpos[0].template.as_deref(), Some(file.as_path()));
    assert_eq!(gpos[0].label(), file.display().to_string());
}

#[test]
fn a_loose_template_in_a_directory_is_a_file_gpo() {
    let dir = tempfile::tempdir().unwrap();
    let secedit = dir.path().join("SecEdit");
    std::fs::create_dir(&secedit).unwrap();
    std::fs::write(secedit.join("GPTTMPL.INF"), "[Unicode]\r\nUnicode=yes\r\n").unwrap();
    std::fs::write(secedit.join("notes.txt"), "x").unwrap();
    let gpos = discover(dir.path()).unwrap();
    assert_eq!(gpos, [Gpo::file(&secedit.join("GPTTMPL.INF"))]);
}

#[test]
fn an_empty_directory_holds_no_gpo() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    std::fs::write(dir.path().join("readme.txt"), "x").unwrap();
    let err = discover(dir.path()).unwrap_err();
    let DiscoverError::NoGpo { path } = &err else {
        panic!("expected NoGpo, got {err}");
    };
    assert_eq!(path, dir.path());
    assert!(err.to_string().contains("holds no GPO"), "{err}");
}

#[test]
fn a_missing_path_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = discover(&missing).unwrap_err();
    let DiscoverError::Unreadable { path, source } = &err else {
        panic!("expected Unreadable, got {err}");
    };
    assert_eq!(path, &missing);
    assert_eq!(source.kind(), std::io::ErrorKind::NotFound);
}

#[test]
fn a_gpt_ini_that_is_not_text_is_skipped_and_its_gpo_kept() {
    let dir = tempfile::tempdir().unwrap();
    let ini = dir.path().join("GPT.INI");
    std::fs::write(&ini, b"[General]\0\0\x01\x02").unwrap();
    let found = discover_all(dir.path()).unwrap();
    assert_eq!(found.gpos.len(), 1);
    assert_eq!(found.gpos[0].name, None);
    let [skipped] = found.skipped.as_slice() else {
        panic!("one item is skipped: {:?}", found.skipped);
    };
    assert_eq!(skipped.path, ini);
    assert_eq!(skipped.effect, Effect::NoName);
    assert!(matches!(
        skipped.reason,
        SkipReason::Error(DiscoverError::Decode { .. })
    ));
}

#[test]
fn symlink_loops_terminate_and_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    let gpo = dir.path().join("{31B2F340-016D-11D2-945F-00C04FB984F9}");
    std::fs::create_dir(&gpo).unwrap();
    std::fs::write(gpo.join("GPT.INI"), "[General]\r\nVersion=1\r\n").unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    std::os::unix::fs::symlink(".", gpo.join("Machine")).unwrap();
    std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
    std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
    let found = discover_all(dir.path()).unwrap();
    assert_eq!(found.gpos.len(), 1);
    assert_eq!(found.gpos[0].template, None);
    let skipped: Vec<_> = found.skipped.iter().map(|s| s.path.clone()).collect();
    assert_eq!(
        skipped,
        [
            dir.path().join("a"),
            dir.path().join("b"),
            dir.path().join("loop"),
            gpo.join("Machine"),
        ]
    );
    assert_eq!(found.skipped[3].effect, Effect::NoTemplate(gpo.clone()));
}

#[test]
fn a_template_of_the_wrong_kind_is_skipped_not_taken_for_none() {
    let dir = tempfile::tempdir().unwrap();
    let secedit = dir.path().join("Machine/Microsoft/Windows NT/SecEdit");
    std::fs::create_dir_all(secedit.join("GptTmpl.inf")).unwrap();
    std::fs::write(dir.path().join("GPT.INI"), "[General]\r\n").unwrap();
    let found = discover_all(dir.path()).unwrap();
    assert_eq!(found.gpos[0].template, None);
    assert_eq!(found.skipped[0].path, secedit.join("GptTmpl.inf"));
}

#[test]
fn a_tree_whose_only_gpo_is_left_out_is_no_error_but_a_skip() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bkupInfo.xml"), "<").unwrap();
    let found = discover_all(dir.path()).unwrap();
    assert!(found.gpos.is_empty());
    assert_eq!(found.skipped.len(), 1);
}

/// The walk lists one folder at a time and counts as it goes: a folder
/// of thousands of entries is refused at the entry past the limit, not
/// after it has been read and sorted.
#[test]
fn a_tree_over_max_files_is_refused_as_soon_as_the_count_passes() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big");
    std::fs::create_dir(&big).unwrap();
    for n in 0..2000 {
        std::fs::write(big.join(format!("{n}.txt")), "").unwrap();
    }
    let limits = TreeLimits {
        max_files: 50,
        ..TreeLimits::default()
    };
    let err = discover_limited(dir.path(), &limits).unwrap_err();
    assert!(
        matches!(err, DiscoverError::TooManyFiles { limit: 50, .. }),
        "{err}"
    );
    let budget = budget::Budget::new(dir.path(), 50);
    let listed = listing::Listing::read(&big, &budget);
    assert!(listed.is_err());
    assert_eq!(
        budget.spent(),
        51,
        "reading stops at the entry past the limit"
    );
    let raised = TreeLimits {
        max_files: 2002,
        ..TreeLimits::default()
    };
    assert!(matches!(
        discover_limited(dir.path(), &raised),
        Err(DiscoverError::NoGpo { .. })
    ));
}

#[test]
fn a_gpt_ini_over_max_file_size_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("GPT.INI"), "[General]\r\nVersion=1\r\n").unwrap();
    let limits = TreeLimits {
        max_file_size: 8,
        ..TreeLimits::default()
    };
    let found = discover_limited(dir.path(), &limits).unwrap();
    assert_eq!(found.gpos.len(), 1);
    let line = found.skipped[0].to_string();
    assert!(line.contains("--max-file-size"), "{line}");
}

#[test]
fn the_real_backups_in_the_corpus_are_all_found() {
    let Some(corpus) = std::env::var_os("GPLINT_CORPUS") else {
        let _ = std::io::stderr().write_all(
            b"skipped: set GPLINT_CORPUS to the shared corpus to discover its GPO backups\n",
        );
        return;
    };
    let root = Path::new(&corpus).join("trees/disa-stig-gpo-backups");
    let gpos = discover(&root).unwrap();
    assert_eq!(gpos.len(), 66, "GPOs under {}", root.display());
    let with_template = gpos.iter().filter(|g| g.template.is_some()).count();
    assert_eq!(with_template, 20);
    for gpo in &gpos {
        assert_eq!(gpo.kind, GpoKind::Backup, "{}", gpo.root.display());
        assert!(gpo.name.is_some(), "{}", gpo.root.display());
        assert!(gpo.guid.is_some(), "{}", gpo.root.display());
        assert!(gpo.backup_id.is_some(), "{}", gpo.root.display());
        assert!(gpo.links.is_empty(), "{}", gpo.root.display());
    }
}

#[test]
fn a_link_given_as_the_path_is_followed() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("backups");
    std::os::unix::fs::symlink(fixture("backups"), &link).unwrap();
    let found = discover_all(&link).unwrap();
    assert_eq!(found.gpos.len(), 3);
    assert!(found.gpos.iter().all(|g| g.root.starts_with(&link)));
    assert!(found.skipped.is_empty());
}

#[test]
fn a_link_to_one_gpo_folder_is_that_gpo() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("ddp");
    let target = fixture("sysvol/contoso.com/Policies/{31B2F340-016D-11D2-945F-00C04FB984F9}");
    std::os::unix::fs::symlink(target, &link).unwrap();
    let gpos = discover(&link).unwrap();
    assert_eq!(gpos.len(), 1);
    assert_eq!(gpos[0].name.as_deref(), Some("Default Domain Policy"));
    // The GUID comes from the folder's own name, which the link hides.
    assert_eq!(gpos[0].guid, None);
}

// ---- loose templates and notes (issue 14 item 8) ----

#[test]
fn every_inf_file_in_a_folder_is_a_template_and_other_files_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/x.inf"), "[Unicode]\r\n").unwrap();
    for name in [
        "web01.inf",
        "WEB02.INF",
        "readme.txt",
        "web03.csv",
        "manifest.xml",
        ".gitignore",
    ] {
        std::fs::write(dir.path().join(name), "[Unicode]\r\nUnicode=yes\r\n").unwrap();
    }
    let found = discover_all(dir.path()).unwrap();
    let roots: Vec<_> = found.gpos.iter().map(|g| g.root.clone()).collect();
    assert_eq!(
        roots,
        [dir.path().join("WEB02.INF"), dir.path().join("web01.inf")]
    );
    assert!(found.gpos.iter().all(|g| g.kind == GpoKind::File));
    assert!(found.skipped.is_empty());
    let [
        Note::NotTemplates {
            folder,
            names,
            more,
        },
    ] = found.notes.as_slice()
    else {
        panic!("one note: {:?}", found.notes);
    };
    assert_eq!(folder, dir.path());
    // GPMC's manifest.xml belongs beside backups, and hidden files and
    // folders hold no GPO: neither is read nor noted.
    assert_eq!(names, &["readme.txt", "web03.csv"]);
    assert_eq!(*more, 0);
}

#[test]
fn a_folder_of_many_other_files_is_one_note_listing_ten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.inf"), "[Unicode]\r\n").unwrap();
    for i in 0..25 {
        std::fs::write(dir.path().join(format!("x{i:02}.txt")), "x").unwrap();
    }
    let found = discover_all(dir.path()).unwrap();
    let [Note::NotTemplates { names, more, .. }] = found.notes.as_slice() else {
        panic!("one note: {:?}", found.notes);
    };
    assert_eq!((names.len(), *more), (10, 15));
}

#[test]
fn gpo_folders_and_loose_templates_in_one_folder_are_both_read() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &fixture("backups/Servers Baseline"),
        &dir.path().join("Servers Baseline"),
    );
    std::fs::write(dir.path().join("web01.inf"), "[Unicode]\r\n").unwrap();
    let found = discover_all(dir.path()).unwrap();
    let kinds: Vec<_> = found.gpos.iter().map(|g| g.kind).collect();
    assert_eq!(kinds, [GpoKind::Backup, GpoKind::File]);
    assert!(found.notes.is_empty(), "{:?}", found.notes);
}

// ---- the same GPO backed up twice (issue 14 item 10) ----

/// Copies a folder and everything in it.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

const BASELINE_ID: &str = "{9D2C6A1E-3F4B-4C8D-B7E5-0A1F2E3D4C5B}";

/// The fixture's backup of "Servers Baseline" and a second backup of it,
/// as "Back Up All" run again writes: a new backup id and time.
fn backed_up_twice(second_id: &str, second_time: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("Servers Baseline");
    copy_tree(&fixture("backups/Servers Baseline"), &set);
    let second = set.join(second_id);
    copy_tree(&set.join(BASELINE_ID), &second);
    let info = second.join("bkupInfo.xml");
    let text = std::fs::read_to_string(&info).unwrap();
    let text = text
        .replace("2024-03-11T09:14:52", second_time)
        .replace(BASELINE_ID, second_id);
    std::fs::write(&info, text).unwrap();
    dir
}

#[test]
fn of_two_backups_of_one_gpo_the_newer_is_read_and_the_older_noted() {
    let second = "{00000000-0000-4000-8000-000000000001}";
    let dir = backed_up_twice(second, "2024-06-01T08:00:00");
    let found = discover_all(dir.path()).unwrap();
    let [gpo] = found.gpos.as_slice() else {
        panic!("one GPO: {:?}", found.gpos);
    };
    assert_eq!(gpo.backup_id.as_deref(), Some(second));
    assert!(found.skipped.is_empty());
    let [note] = found.notes.as_slice() else {
        panic!("one note: {:?}", found.notes);
    };
    let line = note.to_string();
    assert!(line.contains(BASELINE_ID), "{line}");
    assert!(line.contains("backed up 2024-03-11T09:14:52"), "{line}");
    assert!(
        line.contains("older backup of 'Servers Baseline'"),
        "{line}"
    );
}

#[test]
fn an_older_backup_sorting_after_the_newer_is_still_the_one_skipped() {
    let second = "{FFFFFFFF-0000-4000-8000-000000000001}";
    let dir = backed_up_twice(second, "2023-01-01T00:00:00");
    let found = discover_all(dir.path()).unwrap();
    let [gpo] = found.gpos.as_slice() else {
        panic!("one GPO: {:?}", found.gpos);
    };
    assert_eq!(gpo.backup_id.as_deref(), Some(BASELINE_ID));
    assert_eq!(found.notes.len(), 1);
}

// ---- parallel walk (issue 19 item 3) ----

/// A tree with a bit of everything: the fixture's backups and SYSVOL, a
/// second backup of one GPO, loose templates, other files, links, a GPT.INI
/// that is not text and a template of the wrong kind.
fn mixed_tree() -> tempfile::TempDir {
    let dir = backed_up_twice(
        "{00000000-0000-4000-8000-000000000001}",
        "2024-06-01T08:00:00",
    );
    let root = dir.path();
    copy_tree(&fixture("sysvol"), &root.join("sysvol"));
    copy_tree(&fixture("backups"), &root.join("more/backups"));
    let odd = root.join("odd/{6AC1786C-016F-11D2-945F-00C04FB984F9}");
    std::fs::create_dir_all(odd.join("Machine/Microsoft/Windows NT/SecEdit/GptTmpl.inf")).unwrap();
    std::fs::write(odd.join("GPT.INI"), b"[General]\0\0\x01\x02").unwrap();
    std::fs::write(root.join("odd/web01.inf"), "[Unicode]\r\n").unwrap();
    std::fs::write(root.join("odd/readme.txt"), "x").unwrap();
    std::os::unix::fs::symlink(root.join("sysvol"), root.join("odd/link")).unwrap();
    dir
}

fn in_threads<T: Send>(threads: usize, run: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(run)
}

/// The folders of a level are read in parallel: what is found, noted and
/// skipped, and the order of each, is the same at any thread count, and
/// so is the smallest `--max-files` the tree passes, and the refusal just
/// under it.
#[test]
fn the_walk_is_the_same_at_any_thread_count() {
    let dir = mixed_tree();
    let limits = |max_files| TreeLimits {
        max_files,
        ..TreeLimits::default()
    };
    let once = discover_all(dir.path()).unwrap();
    assert!(once.gpos.len() >= 8, "{:?}", once.gpos);
    assert!(!once.skipped.is_empty() && !once.notes.is_empty());
    let least = (1..1_000)
        .find(|&n| discover_limited(dir.path(), &limits(n)).is_ok())
        .unwrap();
    let expected = format!("{once:?}");
    for threads in [1, 2, 4, 7] {
        for _ in 0..3 {
            let found = in_threads(threads, || discover_all(dir.path())).unwrap();
            assert_eq!(format!("{found:?}"), expected, "at {threads} threads");
            let passes = in_threads(threads, || discover_limited(dir.path(), &limits(least)));
            assert_eq!(format!("{:?}", passes.unwrap()), expected);
            let refused = in_threads(threads, || discover_limited(dir.path(), &limits(least - 1)));
            let refused = refused.unwrap_err().to_string();
            assert!(refused.contains(&(least - 1).to_string()), "{refused}");
        }
    }
}

/// A GPO folder is listed once, but its entries count twice towards
/// `--max-files`, as when the template's lookup listed it again: the
/// limit a tree passes did not change.
#[test]
fn a_gpo_folder_counts_as_listed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let secedit = dir.path().join("Machine/Microsoft/Windows NT/SecEdit");
    std::fs::create_dir_all(&secedit).unwrap();
    std::fs::write(secedit.join("GptTmpl.inf"), "[Unicode]\r\n").unwrap();
    std::fs::write(dir.path().join("GPT.INI"), "[General]\r\n").unwrap();
    // The folder (2 entries) twice, then Machine, Microsoft, Windows NT
    // and SecEdit (1 each).
    let limits = |max_files| TreeLimits {
        max_files,
        ..TreeLimits::default()
    };
    assert!(discover_limited(dir.path(), &limits(8)).is_ok());
    assert!(matches!(
        discover_limited(dir.path(), &limits(7)),
        Err(DiscoverError::TooManyFiles { limit: 7, .. })
    ));
}
