"""The public search's backends: one interface (``base.Searcher``), on the engine and on the database."""
