//! Test-only package: see the tests in tests/*.rs.
