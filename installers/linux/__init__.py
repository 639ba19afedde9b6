"""Linux packages of the frozen app: a Debian package and a tarball."""
