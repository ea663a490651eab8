//! Building stays linear: doubling the objects at most doubles the map
//! insertions and probes (with 10% to spare), as `tests/doubling.rs`
//! checks the other hot loops, counting work rather than timing it.

use super::*;

/// A domain of `users` users in `users / 10` groups, each user listed
/// both in its `memberOf` and in its group's `member`, each group nested
/// in the one before, a PSO on every hundredth group (precedence: the
/// group's number, so `pso0` governs everyone).
fn generated(users: u32) -> Export {
    let groups = users / 10;
    let mut export = Export {
        files: vec!["generated.ldif".to_owned()],
        domains: vec![domain("contoso.test", CONTOSO)],
        objects: vec![group("Domain Users", 513)],
        password_settings: Vec::new(),
    };
    for g in 0..groups {
        let mut group = group(&format!("group{g}"), 10_000 + g);
        if g > 0 {
            group.member_of = vec![dn(&format!("group{}", g - 1))];
        }
        group.members = (g..users)
            .step_by(groups as usize)
            .map(|u| dn(&format!("user{u}")))
            .collect();
        export.objects.push(group);
        if g % 100 == 0 {
            let target = vec![dn(&format!("group{g}"))];
            export
                .password_settings
                .push(pso(&format!("pso{g}"), g, 30, target));
        }
    }
    for u in 0..users {
        let mut user = user(&format!("user{u}"), 100_000 + u);
        user.member_of = vec![dn(&format!("group{}", u % groups))];
        export.objects.push(user);
    }
    export
}

#[test]
fn building_twice_the_objects_costs_at_most_twice_the_work() {
    let small = index(vec![generated(10_000)]);
    let large = index(vec![generated(20_000)]);
    let (n, twice) = (small.build_work(), large.build_work());
    assert!(n >= 11_000, "every object is keyed: {n}");
    assert!(twice * 10 <= n * 22, "{n} → {twice}");
    // The index answers for the generated objects too.
    let user = get(&large, r"CONTOSO\user19999");
    assert_eq!(
        names(&large, &large.direct_groups(user)),
        [r"CONTOSO\Domain Users", r"CONTOSO\group1999"]
    );
    assert!(matches!(
        large.governing_policy(user),
        Some(Governing::Pso(pso, _)) if pso.name == "pso0"
    ));
}
