# Cython declarations for message.py when it is compiled (setup.py); the .py file stays plain Python.
# cached_property as an extension type: its __get__ becomes a C slot instead of a Python-level call on each first
# access of a fact (-8 k instructions per message, benchmarks/count_instructions.py).
cdef class cached_property:
    cdef object func
    cdef public str name
    cdef public object __doc__
