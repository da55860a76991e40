#ifndef SCOUR_CLIBXML2_SHIM_H
#define SCOUR_CLIBXML2_SHIM_H

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>

/* xmlFree is a global function-pointer variable; Swift 6 strict concurrency
   refuses to read mutable globals, so free through a function instead. */
static inline void scour_xmlFree(void *ptr) {
    xmlFree(ptr);
}

/* Silences libxml2's generic error printing; errors are counted by the caller
   through the parser context instead. */
static void scour_xml_silent_error(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
}

static inline void scour_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, scour_xml_silent_error);
}

#endif
