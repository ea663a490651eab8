//! The records of the synthetic domain, written as `ldapsearch -LLL`
//! writes them.

use std::io::{self, Write};

use crate::rng::Rng;

const BASE: &str = "DC=contoso,DC=test";
const DOMAIN_SUBS: [u32; 4] = [21, 1_111_111_111, 2_222_222_222, 3_333_333_333];
/// Groups at index below this have no parent: the roots of the nesting.
const ROOTS: usize = 10;

/// One group's name and its members' DNs, gathered while users are
/// written and written after them.
struct Group {
    name: String,
    rid: u32,
    members: Vec<String>,
    parent: Option<usize>,
}

/// Writes the whole domain to `out`.
pub fn domain(out: &mut impl Write, rng: &mut Rng, users: usize, groups: usize) -> io::Result<()> {
    let mut groups = plan_groups(rng, groups);
    write_domain(out)?;
    write_pso(out, &groups[0].name)?;
    for i in 0..users {
        let chosen: Vec<usize> = (0..rng.range(1, 5))
            .map(|_| rng.range(0, groups.len() - 1))
            .collect();
        let dn = user(out, rng, i, &chosen, &groups)?;
        for g in chosen {
            groups[g].members.push(dn.clone());
        }
    }
    for i in 0..users / 100 {
        machine(out, rng, i, false, &mut groups)?;
    }
    for i in 0..20 {
        machine(out, rng, i, true, &mut groups)?;
    }
    for i in 0..groups.len() {
        write_group(out, rng, &groups, i)?;
    }
    Ok(())
}

fn plan_groups(rng: &mut Rng, count: usize) -> Vec<Group> {
    let mut groups: Vec<Group> = (0..count)
        .map(|i| Group {
            name: format!("Group {i:05}"),
            rid: 20_000 + i as u32,
            members: Vec::new(),
            parent: (i >= ROOTS && rng.chance(0.4)).then(|| rng.range(0, i - 1)),
        })
        .collect();
    // A cycle, as the corpus has: each is a member of the other.
    let a = groups.len();
    let extra = [
        ("Loop A", 19_998, Some(a + 1)),
        ("Loop B", 19_999, Some(a)),
        // Primary groups, whose members are not listed.
        ("Domain Users", 513, None),
        ("Domain Computers", 515, None),
    ];
    for (name, rid, parent) in extra {
        groups.push(Group {
            name: name.to_owned(),
            rid,
            members: Vec::new(),
            parent,
        });
    }
    for i in 0..groups.len() {
        if let Some(p) = groups[i].parent {
            let dn = group_dn(&groups[i].name);
            groups[p].members.push(dn);
        }
    }
    groups
}

fn group_dn(name: &str) -> String {
    format!("CN={name},OU=Groups,{BASE}")
}

fn user(
    out: &mut impl Write,
    rng: &mut Rng,
    i: usize,
    chosen: &[usize],
    groups: &[Group],
) -> io::Result<String> {
    let service = i.is_multiple_of(50);
    let name = if service {
        format!("svc_{i:05}")
    } else {
        format!("user{i:05}")
    };
    let ou = if service {
        "OU=Service Accounts"
    } else {
        "OU=People"
    };
    let dn = format!("CN={name},{ou},{BASE}");
    let control = match rng.range(0, 99) {
        0..=79 => 512,
        80..=89 => 66_048,
        90..=96 => 514,
        _ => 262_656,
    };
    let mut r = Record::new(&dn);
    r.classes(&["top", "person", "organizationalPerson", "user"]);
    r.common(rng, &name, i);
    r.line("userAccountControl", &control.to_string());
    for attr in [
        "badPwdCount",
        "codePage",
        "countryCode",
        "badPasswordTime",
        "lastLogoff",
    ] {
        r.line(attr, "0");
    }
    let set = 133_500_000_000_000_000u64 + rng.next_u64() % 10_000_000_000_000_000;
    r.line("pwdLastSet", &set.to_string());
    r.line("primaryGroupID", "513");
    // Users from RID 100,000: below it they would meet the groups' RIDs
    // (from 19,998) past 19,000 users, and a user sharing a group's SID
    // takes on that group's memberships. Computers and gMSAs start at
    // 800,000 and 900,000.
    r.binary("objectSid", &sid(100_000 + i as u32));
    r.line("accountExpires", "9223372036854775807");
    r.line("sAMAccountName", &name);
    r.line("sAMAccountType", "805306368");
    r.line("userPrincipalName", &format!("{name}@contoso.test"));
    r.line(
        "objectCategory",
        &format!("CN=Person,CN=Schema,CN=Configuration,{BASE}"),
    );
    for &g in chosen {
        r.line("memberOf", &group_dn(&groups[g].name));
    }
    if rng.chance(0.05) {
        // Mon–Fri 06:00–20:00 UTC, as svc_reports in the corpus.
        let mut hours = [0u8; 21];
        for day in 1..=5 {
            for hour in 6..20 {
                let bit = day * 24 + hour;
                hours[bit / 8] |= 1 << (bit % 8);
            }
        }
        r.binary("logonHours", &hours);
    }
    if service {
        r.line(
            "servicePrincipalName",
            &format!("MSSQLSvc/sql{i:05}.contoso.test:1433"),
        );
        if rng.chance(0.3) {
            r.line("userWorkstations", "SQL01,SQL02");
        }
    }
    r.line("distinguishedName", &dn);
    r.write(out)?;
    Ok(dn)
}

/// A computer (`WEB00001$`) or a gMSA (`gmsa_00001$`).
fn machine(
    out: &mut impl Write,
    rng: &mut Rng,
    i: usize,
    gmsa: bool,
    groups: &mut [Group],
) -> io::Result<()> {
    let (name, ou, rid) = if gmsa {
        (
            format!("gmsa_{i:05}"),
            "CN=Managed Service Accounts",
            900_000 + i,
        )
    } else {
        (format!("WEB{i:05}"), "OU=Servers", 800_000 + i)
    };
    let dn = format!("CN={name},{ou},{BASE}");
    let mut r = Record::new(&dn);
    r.classes(&["top", "person", "organizationalPerson", "user", "computer"]);
    if gmsa {
        r.classes(&["msDS-GroupManagedServiceAccount"]);
    }
    r.common(rng, &name, rid);
    r.line("userAccountControl", "4096");
    r.line("primaryGroupID", "515");
    r.binary("objectSid", &sid(rid as u32));
    r.line("sAMAccountName", &format!("{name}$"));
    r.line(
        "dNSHostName",
        &format!("{}.contoso.test", name.to_lowercase()),
    );
    if gmsa {
        let g = rng.range(0, groups.len() - 1);
        r.line("memberOf", &group_dn(&groups[g].name));
        groups[g].members.push(dn.clone());
        r.line(
            "servicePrincipalName",
            &format!("HTTP/{}.contoso.test", name.to_lowercase()),
        );
    }
    r.line("distinguishedName", &dn);
    r.write(out)
}

fn write_group(out: &mut impl Write, rng: &mut Rng, groups: &[Group], i: usize) -> io::Result<()> {
    let group = &groups[i];
    let dn = group_dn(&group.name);
    let mut r = Record::new(&dn);
    r.classes(&["top", "group"]);
    r.common(rng, &group.name, i);
    r.binary("objectSid", &sid(group.rid));
    r.line("sAMAccountName", &group.name);
    r.line("sAMAccountType", "268435456");
    r.line("groupType", "-2147483646");
    r.line(
        "objectCategory",
        &format!("CN=Group,CN=Schema,CN=Configuration,{BASE}"),
    );
    for member in &group.members {
        r.line("member", member);
    }
    if let Some(p) = group.parent {
        r.line("memberOf", &group_dn(&groups[p].name));
    }
    r.line("distinguishedName", &dn);
    r.write(out)
}

fn write_domain(out: &mut impl Write) -> io::Result<()> {
    let mut r = Record::new(BASE);
    r.classes(&["top", "domain", "domainDNS"]);
    r.line("name", "contoso");
    let mut domain_sid = vec![1, 4, 0, 0, 0, 0, 0, 5];
    domain_sid.extend(DOMAIN_SUBS.iter().flat_map(|s| s.to_le_bytes()));
    r.binary("objectSid", &domain_sid);
    r.line("maxPwdAge", "-51840000000000");
    r.line("lockoutThreshold", "5");
    r.line("distinguishedName", BASE);
    r.write(out)
}

fn write_pso(out: &mut impl Write, first_group: &str) -> io::Result<()> {
    let dn = format!("CN=SvcPSO,CN=Password Settings Container,CN=System,{BASE}");
    let mut r = Record::new(&dn);
    r.classes(&["top", "msDS-PasswordSettings"]);
    r.line("cn", "SvcPSO");
    r.line("msDS-MaximumPasswordAge", "-315360000000000");
    r.line("msDS-LockoutThreshold", "0");
    r.line("msDS-PasswordSettingsPrecedence", "10");
    r.line("msDS-PSOAppliesTo", &group_dn(first_group));
    r.write(out)
}

/// A domain SID with `rid`, in its binary form.
fn sid(rid: u32) -> Vec<u8> {
    let mut bytes = vec![1, 5, 0, 0, 0, 0, 0, 5];
    for sub in DOMAIN_SUBS.iter().chain([rid].iter()) {
        bytes.extend(sub.to_le_bytes());
    }
    bytes
}

/// One record's text, folded at 76 columns as `ldapsearch` does.
struct Record(String);

impl Record {
    fn new(dn: &str) -> Self {
        let mut r = Record(String::new());
        r.line("dn", dn);
        r
    }

    fn classes(&mut self, classes: &[&str]) {
        for class in classes {
            self.line("objectClass", class);
        }
    }

    /// The attributes every object carries whatever its kind.
    fn common(&mut self, rng: &mut Rng, name: &str, usn: usize) {
        self.line("cn", name);
        self.line("instanceType", "4");
        self.line("whenCreated", "20240101000000.0Z");
        self.line("uSNCreated", &(4_000 + usn).to_string());
        self.line("name", name);
        let guid: Vec<u8> = (0..16).map(|_| rng.next_u64() as u8).collect();
        self.binary("objectGUID", &guid);
    }

    fn line(&mut self, attr: &str, value: &str) {
        self.fold(&format!("{attr}: {value}"));
    }

    fn binary(&mut self, attr: &str, bytes: &[u8]) {
        self.fold(&format!("{attr}:: {}", base64(bytes)));
    }

    fn fold(&mut self, line: &str) {
        let mut rest = line;
        let mut width = 76;
        while rest.len() > width {
            let cut = (1..=width)
                .rev()
                .find(|&c| rest.is_char_boundary(c))
                .unwrap_or(width);
            self.0.push_str(&rest[..cut]);
            self.0.push_str("\n ");
            rest = &rest[cut..];
            width = 75;
        }
        self.0.push_str(rest);
        self.0.push('\n');
    }

    fn write(mut self, out: &mut impl Write) -> io::Result<()> {
        self.0.push('\n');
        out.write_all(self.0.as_bytes())
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
