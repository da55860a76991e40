#ifndef SCOUR_CLIBXML2_FEED_READER_H
#define SCOUR_CLIBXML2_FEED_READER_H

/* libxml2's streaming reader (xmlTextReader) set up for untrusted feeds and sitemaps:
   no network, no entity substitution, no DTD loading, no default attributes from a DTD,
   no XML_PARSE_HUGE (libxml2's own size and amplification limits stay on). The last
   error is kept with its line instead of being printed. */

#include <string.h>
#include <libxml/xmlreader.h>
#include <libxml/uri.h>

typedef struct {
    char message[512];
    int line;
    int count;
} scour_reader_error;

static void scour_reader_error_handler(void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator) {
    scour_reader_error *error = (scour_reader_error *)arg;
    if (error == NULL || severity != XML_PARSER_SEVERITY_ERROR) return;
    /* The last error is kept: a fatal one ends the parse, so it is the one to report. */
    error->count++;
    strncpy(error->message, msg != NULL ? msg : "unknown error", sizeof(error->message) - 1);
    error->message[sizeof(error->message) - 1] = 0;
    error->line = locator != NULL ? xmlTextReaderLocatorLineNumber(locator) : 0;
}

/* `force_utf8`: the bytes were converted to UTF-8 by the caller, whatever the XML
   declaration says. */
static inline xmlTextReaderPtr scour_feed_reader(const char *buffer, int size, const char *url, int force_utf8, scour_reader_error *error) {
    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT;
#if LIBXML_VERSION < 21300
    /* Before 2.13 these only cleared the printing callbacks, which the handler set below
       replaces; from 2.13 on they silence every handler, the one below too. */
    options |= XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
#endif
    if (force_utf8) options |= XML_PARSE_IGNORE_ENC;
    xmlTextReaderPtr reader = xmlReaderForMemory(buffer, size, url, force_utf8 ? "UTF-8" : NULL, options);
    if (reader != NULL) xmlTextReaderSetErrorHandler(reader, scour_reader_error_handler, error);
    return reader;
}

/* Whether the reader's current node (a DOCTYPE) declares any entity, general or parameter. */
static inline int scour_reader_dtd_declares_entities(xmlTextReaderPtr reader) {
    xmlNodePtr node = xmlTextReaderCurrentNode(reader);
    if (node == NULL || node->type != XML_DTD_NODE) return 0;
    xmlDtdPtr dtd = (xmlDtdPtr)node;
    return dtd->entities != NULL || dtd->pentities != NULL;
}

#endif
