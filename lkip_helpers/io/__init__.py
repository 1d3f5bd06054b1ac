"""Reading and writing data sets: text form (CSV/YAML) and Excel workbooks."""
