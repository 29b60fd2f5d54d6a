"""SCK801 project fixture: a module that imports, at its top level, a project module only
Windows can import (itself or through another project module) runs on Windows alone, where
a plain bind() rebinds a port whose old connections are in TIME_WAIT. An import inside a
try, a test or a function does not make the importer Windows-only."""
