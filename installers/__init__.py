"""Installer recipes: PyInstaller spec, Linux .deb and tarball, Windows NSIS, macOS .dmg."""
