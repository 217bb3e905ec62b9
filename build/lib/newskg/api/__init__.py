"""newskg's read path: the FastAPI app serving SPARQL, linked-data pages and dumps."""
