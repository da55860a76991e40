#ifndef SCOUR_CLIBXML2_SHIM_H
#define SCOUR_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and its encoding.h then pulls in ICU's
   headers, which clash with the copy of ICU inside Foundation. Scour never
   touches the ICU fields of an encoding handler (it only asks whether one
   exists), so the headers are read without them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
#include <libxml/encoding.h>

/* xmlFree is a global function-pointer variable; Swift 6 strict concurrency
   refuses to read mutable globals, so free through a function instead. */
static inline void scour_xmlFree(void *ptr) {
    xmlFree(ptr);
}

/* Silences libxml2's generic error printing. */
static void scour_xml_silent_error(void *ctx, const char *msg, ...) {
    (void)ctx; (void)msg;
}

static inline void scour_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, scour_xml_silent_error);
}

/* Counts an error or warning of the parser whose _private points at an int. */
static void scour_xml_count_error(void *ctx, const char *msg, ...) {
    (void)msg;
    htmlParserCtxtPtr ctxt = (htmlParserCtxtPtr)ctx;
    if (ctxt != NULL && ctxt->_private != NULL) {
        (*(int *)ctxt->_private)++;
    }
}

#include "sax_tree.h"
#include "feed_reader.h"

/* libxml2's own tree, as the benchmark's parse floor builds it (the pipeline
   builds the compact tree of sax_tree.h instead), read the way the pipeline reads
   the page (`checked_utf8`: see scour_html_context).
   Parses HTML from memory with recovery on, no network, and errors counted
   into *errors instead of printed (libxml2 2.9 has no error count of its own).
   The SAX error hooks are set after the options, which would otherwise clear them. */
static inline htmlDocPtr scour_html_read_as(const char *buffer, int size, const char *encoding, int checked_utf8, int *errors) {
    if (buffer == NULL || size <= 0) return NULL;
    htmlParserCtxtPtr ctxt = scour_html_context(buffer, size, encoding, checked_utf8);
    if (ctxt == NULL) return NULL;
    ctxt->_private = errors;
    ctxt->sax->error = scour_xml_count_error;
    ctxt->sax->warning = scour_xml_count_error;
    ctxt->sax->serror = NULL;
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    ctxt->_private = NULL;
    htmlFreeParserCtxt(ctxt);
    return doc;
}

/* The same through libxml2's converter: the reference the tree tests compare with. */
static inline htmlDocPtr scour_html_read(const char *buffer, int size, const char *encoding, int *errors) {
    return scour_html_read_as(buffer, size, encoding, 0, errors);
}

#endif
