"""The demo database, modelled on the customer's two articles (shared/seeds).

`manage.py demo` runs the steps in STEPS in order; each domain adds its own step module here.
Everything is generated from a fixed seed, so two builds give the same data.
"""
