//! One large `secedit /export`-style template, for raw parse throughput:
//! every right, then `[Registry Values]`, `[Registry Keys]` and
//! `[File Security]` lines until the size is reached.

use std::fmt::Write;

use super::names::{self, ALLOW, DENY, PRIVILEGES};
use super::rng::Rng;

/// The template's text, about `chars` characters (twice that in bytes
/// once written as UTF-16LE).
pub fn text(rng: &mut Rng, chars: usize) -> String {
    let mut out = String::with_capacity(chars + 4096);
    out.push_str("[Unicode]\r\nUnicode=yes\r\n[System Access]\r\nMinimumPasswordAge = 1\r\n");
    out.push_str("[Privilege Rights]\r\n");
    for right in ALLOW.iter().chain(&DENY).chain(&PRIVILEGES) {
        let holders: Vec<String> = (0..rng.range(1, 30))
            .map(|_| names::random_holder(rng))
            .collect();
        let _ = write!(out, "{right} = {}\r\n", holders.join(","));
    }
    let third = chars / 3;
    out.push_str("[Registry Values]\r\n");
    let mut n = 0;
    while out.len() < third {
        let _ = write!(
            out,
            "MACHINE\\Software\\Contoso\\App{}\\Value{n}=1,\"{}\"\r\n",
            n % 97,
            rng.range(0, 9999)
        );
        n += 1;
    }
    out.push_str("[Registry Keys]\r\n");
    while out.len() < 2 * third {
        let _ = write!(
            out,
            "\"MACHINE\\SOFTWARE\\Contoso\\Key{n}\",0,\"D:PAR(A;CI;KA;;;BA)(A;CI;KR;;;BU)\"\r\n"
        );
        n += 1;
    }
    out.push_str("[File Security]\r\n");
    while out.len() < chars {
        let _ = write!(
            out,
            "\"%SystemRoot%\\System32\\file{n}.dll\",2,\"D:PAR(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)\"\r\n"
        );
        n += 1;
    }
    out.push_str("[Version]\r\nsignature=\"$CHICAGO$\"\r\nRevision=1\r\n");
    out
}
