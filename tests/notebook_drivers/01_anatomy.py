assert article.relay == "Financial Times" and len(article.boilerplate) == 2
explorer.toggles["reporting_verbs"].value = True
assert explorer.last_error is None
wrong_then_right(self_check, 'relay', 'sky', 'ft')
wrong_then_right(self_check, 'furniture', ['memo', 'efforts'], ['memo', 'tour'])
wrong_then_right(self_check, 'furniture_count', '1', '٢')
