assert len(article.sources) == 5 and source_map.last_error is None
assert "Hamas" in voices.absent_parties(article)
wrong_then_right(self_check, 'count', '4', '5')
wrong_then_right(self_check, 'absent', ['hamas', 'miller'], ['hamas', 'ben_gvir', 'smotrich'])
