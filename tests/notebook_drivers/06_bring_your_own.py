assert not paste.pasted and paste.last_error is None
mine = paste.analysis
assert len(mine.quotes) >= 3 and all(q.speaker for q in mine.quotes), mine.quotes
quiz = own_quiz.current
right = quiz.expected(0)
quiz.answer(0, speaker=right["speaker"], kind=right["kind"], cue=right["cue"])
quiz.check(0)
assert quiz.score == 1 and quiz.last_error is None
own_frames.current.go(0)
own_frames.current.frame.value = "conflict"
assert own_frames.current.compare() is None and own_frames.current.last_error is None  # no key
# A pasted article reaches every tool on the page; «Back to the example» brings the example back.
paste.textarea.value = ('قالت وزيرة الصحة سارة خليل إن المستشفيات تعمل بكامل طاقتها.\n\n'
                        'وأضافت خليل: "نحتاج إلى دعم عاجل لإنقاذ الجرحى".\n')
paste.analyse()
assert paste.pasted and own_quiz.current.analysis is paste.analysis
assert "سارة خليل" in own_quiz.current.analysis.quotes[0].speaker
paste.back_to_example()
assert not paste.pasted and own_quiz.current.analysis.text == MY_ARTICLE
assert own_quiz.last_error is None and own_frames.last_error is None
wrong_then_right(self_check, 'most_words_b', 'mayor', 'nurse')
wrong_then_right(self_check, 'anonymous_source', 'ufuq', 'marsad')
