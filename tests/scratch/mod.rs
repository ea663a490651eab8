//! What the bad-input cases share: a scratch folder with a good template
//! and expectations file, running gplint there, and snapshots of what it
//! says with the folder's path taken out.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use super::common::{Run, gplint};

/// A template that satisfies [`EXPECT`]: exit 0 on its own.
pub const GOOD: &str = "[Unicode]\r\nUnicode=yes\r\n[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n[Privilege Rights]\r\nSeServiceLogonRight = *S-1-5-21-1004336348-1177238915-682003330-1105\r\n";

/// One account that must log on as a service.
pub const EXPECT: &str = "target: member-server\naccounts:\n  - name: CONTOSO\\svc_sql\n    sid: S-1-5-21-1004336348-1177238915-682003330-1105\n    logon: [service]\n";

/// A scratch folder holding `services.yaml` and `good.inf`.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        let scratch = Scratch {
            dir: tempfile::tempdir().unwrap(),
        };
        scratch.write("services.yaml", EXPECT.as_bytes());
        scratch.write("good.inf", GOOD.as_bytes());
        scratch
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` to `name` and returns its path as text.
    pub fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    /// `gplint check FILES… --expect services.yaml`.
    pub fn check(&self, files: &[&str]) -> Run {
        self.check_with(files, "services.yaml", &[])
    }

    /// `gplint check` with another expectations file and extra flags.
    pub fn check_with(&self, files: &[&str], expect: &str, extra: &[&str]) -> Run {
        let paths: Vec<String> = files.iter().map(|f| self.full(f)).collect();
        let expect = self.full(expect);
        let mut args = vec!["check"];
        args.extend(paths.iter().map(String::as_str));
        args.extend(["--expect", expect.as_str()]);
        args.extend(extra);
        gplint(&args)
    }

    fn full(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    /// The exit code and stderr, the scratch folder written `[TMP]`.
    pub fn report(&self, run: &Run) -> String {
        let root = self.root().display().to_string();
        format!(
            "exit: {}\n--- stderr\n{}",
            run.code,
            run.stderr.replace(&root, "[TMP]")
        )
    }
}

/// UTF-16LE with a byte-order mark, as secedit writes.
pub fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}
