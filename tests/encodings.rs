//! The same template in every encoding Windows and editors write gives the
//! same model.

mod common;

use common::{fixture, gplint};

fn dump_json(relative: &str) -> serde_json::Value {
    let run = gplint(&[
        "dump",
        "--format",
        "json",
        &fixture(relative).display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{relative}: {}", run.stderr);
    let mut json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    json["files"][0].take()
}

fn without_identity(mut file: serde_json::Value) -> serde_json::Value {
    let object = file.as_object_mut().unwrap();
    object.remove("file");
    object.remove("encoding");
    file
}

#[test]
fn every_encoding_dumps_to_the_same_json() {
    let reference = dump_json("encodings/utf16le-bom.inf");
    assert_eq!(reference["encoding"], "utf-16le-bom");
    for other in [
        "encodings/utf16be-bom.inf",
        "encodings/utf16le-nobom.inf",
        "encodings/utf8.inf",
        "encodings/utf8-bom.inf",
        "encodings/utf8-lf.inf",
    ] {
        assert_eq!(
            without_identity(dump_json(other)),
            without_identity(reference.clone()),
            "{other} differs from the UTF-16LE original"
        );
    }
}

#[test]
fn each_encoding_is_named() {
    for (file, encoding) in [
        ("encodings/utf16be-bom.inf", "utf-16be-bom"),
        ("encodings/utf16le-nobom.inf", "utf-16le"),
        ("encodings/utf8.inf", "utf-8"),
        ("encodings/utf8-bom.inf", "utf-8-bom"),
        ("encodings/windows1252.inf", "windows-1252"),
    ] {
        assert_eq!(dump_json(file)["encoding"], encoding, "{file}");
    }
}

#[test]
fn windows_1252_is_read_with_a_warning() {
    let file = dump_json("encodings/windows1252.inf");
    let warnings = file["warnings"].as_array().unwrap();
    assert_eq!(warnings[0]["code"], "source::not-utf8");
    let rights = file["privilege_rights"].as_array().unwrap();
    let deny = &rights[1]["holders"][1]["written"];
    assert_eq!(deny, "Invitadoé");
}
