/* The ints 0 .. SK_N_INTS - 1 made once, for _attr_native.pyx (included there only).

   The attribution boxes character offsets all the time (token tuples, spans, the Python calls it makes with
   offsets), and an offset above 256 is not among CPython's cached small ints: each was a new int object, allocated
   and freed again. After this header, PyLong_FromSsize_t in the module's generated C is sk_long_from_ssize, which
   returns a new reference to the table's int for 0 <= v < SK_N_INTS (the same value; ints are immutable, and
   nothing in the module compares ints by identity) and calls CPython's function otherwise, or before the module has
   set the table (sk_set_small_ints, at import). */
#ifndef SK_SMALL_INTS_H
#define SK_SMALL_INTS_H
#include "Python.h"

#define SK_N_INTS 65536

static PyObject *sk_small_ints_list = NULL;

static int sk_set_small_ints(PyObject *list) {
    if (!PyList_CheckExact(list) || PyList_GET_SIZE(list) != SK_N_INTS) {
        PyErr_SetString(PyExc_ValueError, "sk_set_small_ints: a list of the ints 0 .. SK_N_INTS - 1 wanted");
        return -1;
    }
    Py_INCREF(list);
    Py_XDECREF(sk_small_ints_list);
    sk_small_ints_list = list;
    return 0;
}

static inline PyObject *sk_long_from_ssize(Py_ssize_t v) {
    if (v >= 0 && v < SK_N_INTS && sk_small_ints_list != NULL) {
        PyObject *o = PyList_GET_ITEM(sk_small_ints_list, v);
        Py_INCREF(o);
        return o;
    }
    return PyLong_FromSsize_t(v);
}

#define PyLong_FromSsize_t sk_long_from_ssize
#endif
