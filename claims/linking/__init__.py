"""Links between claims of different articles.

`rules` judges a pair and imports no Django (tested, reusable, benchmarked alone); `candidates`
finds the claims worth judging through an index; `suggest` stores the best suggestions through
`claims.workflow`; `evaluation` measures the rules on labelled pairs. This file imports none of
them, so `claims.linking.rules` stays free of Django.
"""
