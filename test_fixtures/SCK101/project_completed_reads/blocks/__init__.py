"""SCK101 project fixture: read helpers that complete a read to the size asked for before
handing it out (by calling themselves, or in a loop with no other way out) give their
callers no empty read; helpers that may still hand out b"" do."""
