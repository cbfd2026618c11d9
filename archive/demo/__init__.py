"""Demo content for Munasara: texts in ``site``, ``units``, ``campaigns`` and ``stories``, images in ``images``,
and the functions that put them in the database in ``loader``."""
