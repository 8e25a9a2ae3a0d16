explorer.toggles["loaded_terms"].value = True
assert "loaded_terms" in explorer.view.value and explorer.last_error is None
wrong_then_right(self_check, 'run_cell', 'double_click', 'shift_enter')
self_check.answer("expectations", "الخلاف")
assert self_check.check("expectations").correct is None
progress.refresh()
assert progress.last_error is None
assert ("2 من 4" if kit.get_language() == "ar" else "2 / 4") in progress.table.value, progress.table.value
assert "data:application/zip;base64," in progress.download.value
