"""SCK101 project fixture: reads hidden behind helpers (a method of the same class, a
module function in another module, the method of a class another object holds)."""
