# Cython declarations for urls.py when it is compiled (setup.py); the .py file stays plain Python.
# UrlAnalyzer as an extension type (its tables are slots, ``find`` a C-level method) and ``_next_hint`` a C function
# with C integers: fewer Python-level calls and attribute lookups per message (count_instructions.py --messages 2000:
# 455.3 k -> 451.2 k instructions per message). The texts stay untyped: a ``str`` declaration would refuse a subclass of
# str (numpy.str_), which plain Python takes (tests/test_compiled.py).
cpdef Py_ssize_t _next_hint(text, Py_ssize_t start, Py_ssize_t scheme_at=*) except? -2

cdef class UrlAnalyzer:
    cdef public object allowlist
    cdef public object lookalikes
    cdef public object _analyse_cached
    cdef public object _host_facts_cached
    cdef public dict _links_in_token
    cdef dict __dict__

    cpdef list find(self, text)
