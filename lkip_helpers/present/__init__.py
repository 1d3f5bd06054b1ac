"""What a chapter shows: tables, charts, sentences and the display markers the renderer reads."""
