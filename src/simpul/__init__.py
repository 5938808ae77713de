"""Simpul: platform administrasi pemilu (election administration) for KPU offices."""
