//! Black-box tests of the udbhabon binary.
