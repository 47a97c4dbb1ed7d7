"""What the window needs around it: remembered settings, the interface language, the error hook
with its log, and the keyboard-shortcuts dialog."""
