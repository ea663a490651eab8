//! LDIF (RFC 2849) exports.
