sentence = next(i for i, s in enumerate(lab.sentences) if "أصر نتنياهو" in s.text)
result = lab.choose(sentence, "أصر", "قال")
assert any(h.lens == "reporting_verbs" and h.category == "neutral"
           for h in result.readings["rewritten"]), result
assert lab.last_error is None, lab.last_error
assert not any(q.text == "وهمية" for q in free_edit.explorer.analysis.quotes)
free_edit.textarea.value = free_edit.textarea.value.replace("وهمية", '"وهمية"')  # a plain "
free_edit.show()
assert free_edit.last_error is None, free_edit.last_error
assert [q.text for q in free_edit.explorer.analysis.quotes] == ["وهمية"]
assert 'data-lens="quotes"' in free_edit.explorer.view.value
wrong_then_right(self_check, 'insisted_to_said', 'assertive', 'neutral')
self_check.answer("neutral_lead", "كشفت صحيفة فايننشال تايمز حجم التباين بين نتنياهو وبلينكن.")
assert self_check.check("neutral_lead").correct is None and self_check.last_error is None
