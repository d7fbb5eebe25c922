"""Medicine names (generic and brand) mapped to one generic name and its classes."""

from intake.catalog.catalog import Catalog, DrugClass, Medicine, load_catalog

__all__ = ["Catalog", "DrugClass", "Medicine", "load_catalog"]
