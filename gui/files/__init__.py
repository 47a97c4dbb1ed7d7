"""Files: opening and saving scenarios (File menu, recent files, drops, presets, the unsaved-changes
prompt) and exporting pictures, the descent as CSV and the worked solution."""
