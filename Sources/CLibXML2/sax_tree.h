#ifndef SCOUR_CLIBXML2_SAX_TREE_H
#define SCOUR_CLIBXML2_SAX_TREE_H

/* A compact page tree built from libxml2's HTML SAX events.

   libxml2's own tree costs a malloc per node, per attribute and per string,
   and a pointer chase per step when walking it; extraction only needs names,
   a few attributes and text. This builder keeps the same shape libxml2's tree
   would have (same elements, attributes and merged text nodes) in flat arrays indexed
   by int32, freed at once.

   SwiftPM does not see this header as a dependency of the Swift files that read its
   structs: after changing it, remove .build/<triple>/<config>/ScourCore.build so every
   file is compiled against the same layout. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

enum { SCOUR_NODE_ELEMENT = 1, SCOUR_NODE_TEXT = 3, SCOUR_NODE_CDATA = 4 };

typedef struct {
    int32_t parent;        /* -1: top level */
    int32_t first_child;   /* -1: none */
    int32_t last_child;
    int32_t next_sibling;
    uint32_t text;         /* text nodes: offset of the content in bytes (NUL-terminated) */
    uint32_t text_length;
    uint32_t first_attribute;
    uint32_t attribute_count;
    int32_t line;          /* text nodes: input line when created, capped like libxml2 */
    uint32_t name;         /* elements: index into names */
    uint8_t type;
} scour_node;

typedef struct {
    uint32_t name;         /* index into names */
    uint32_t value;        /* offset in bytes (NUL-terminated) */
    uint32_t value_length;
} scour_attribute;

typedef struct {
    uint32_t offset;       /* copy in bytes (NUL-terminated) */
    uint32_t length;
} scour_name;

typedef struct {
    scour_node *nodes;
    int32_t node_count, node_capacity;
    scour_attribute *attributes;
    uint32_t attribute_count, attribute_capacity;
    unsigned char *bytes;
    uint32_t byte_count, byte_capacity;
    scour_name *names;
    uint32_t name_count, name_capacity;
    uint32_t *name_slots;  /* open addressing over the names' bytes: name index + 1, 0 empty */
    uint32_t name_slot_count;
    /* Filled by the caller after parsing: one classification per distinct name. */
    uint8_t *name_tags;
    int32_t root;          /* first top-level element, -1 when none */
    int32_t last_top;      /* last top-level element, to chain stray ones as siblings */
    int32_t *open;         /* open elements, innermost last (libxml2's node stack) */
    uint32_t open_count, open_capacity;
    int has_dtd;           /* a doctype was read: libxml2's document then starts with its DTD node */
    int first_top;         /* the document's first child: 0 none yet, 1 an element, 2 a comment or instruction */
    int errors;
    int started;           /* libxml2 began a document */
    int split_text;        /* a comment or processing instruction came since the last text */
    int timed_out;         /* the parse ran past its deadline and was stopped */
    struct timespec deadline;
    uint32_t events;       /* start tags seen, to look at the clock only now and then */
    int failed;            /* out of memory or over the size limits: the tree is unusable */
    /* Attribute values the elider replaced by stand-ins (0x01 and a number): the values one
       after another, and per value its offset and length there (ParserStandIns.swift). */
    const unsigned char *standin_bytes;
    const uint32_t *standin_ranges;
    uint32_t standin_count;
} scour_tree;

static inline void scour_tree_free(scour_tree *tree) {
    if (tree == NULL) return;
    free(tree->nodes);
    free(tree->attributes);
    free(tree->bytes);
    free(tree->names);
    free(tree->name_slots);
    free(tree->name_tags);
    free(tree->open);
    free(tree);
}

static int scour_tree_grow(void **array, uint32_t *capacity, uint32_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    uint64_t wanted = *capacity < 64 ? 64 : (uint64_t)*capacity * 2;
    while (wanted < needed) wanted *= 2;
    if (wanted > 0x7FFFFFFF || wanted * size > ((uint64_t)1 << 34)) return 0;
    void *grown = realloc(*array, (size_t)wanted * size);
    if (grown == NULL) return 0;
    *array = grown;
    *capacity = (uint32_t)wanted;
    return 1;
}

/* Appends bytes plus a NUL; returns the offset, or UINT32_MAX on failure. */
static uint32_t scour_tree_store(scour_tree *tree, const xmlChar *text, uint32_t length) {
    if (tree->byte_count > 0xFFFFFFF0u - length) { tree->failed = 1; return UINT32_MAX; }
    if (!scour_tree_grow((void **)&tree->bytes, &tree->byte_capacity, tree->byte_count + length + 1, 1)) {
        tree->failed = 1;
        return UINT32_MAX;
    }
    uint32_t offset = tree->byte_count;
    if (length > 0) memcpy(tree->bytes + offset, text, length);
    tree->bytes[offset + length] = 0;
    tree->byte_count += length + 1;
    return offset;
}

static uint32_t scour_name_hash(const xmlChar *name, uint32_t length) {
    uint32_t hash = 2166136261u;
    for (uint32_t i = 0; i < length; i++) hash = (hash ^ name[i]) * 16777619u;
    return hash;
}

/* A page has a few hundred distinct element and attribute names; each is stored once
   and nodes refer to it by index, found again through a hash of its bytes. */
static uint32_t scour_tree_intern(scour_tree *tree, const xmlChar *name) {
    uint32_t length = (uint32_t)strlen((const char *)name);
    uint32_t hash = scour_name_hash(name, length);
    if (tree->name_count * 2 >= tree->name_slot_count) {
        uint32_t count = tree->name_slot_count == 0 ? 256 : tree->name_slot_count * 2;
        if (count == 0 || count > (1u << 28)) { tree->failed = 1; return 0; }
        uint32_t *slots = calloc(count, sizeof(uint32_t));
        if (slots == NULL) { tree->failed = 1; return 0; }
        for (uint32_t index = 0; index < tree->name_count; index++) {
            scour_name *entry = &tree->names[index];
            uint32_t slot = scour_name_hash(tree->bytes + entry->offset, entry->length) & (count - 1);
            while (slots[slot] != 0) slot = (slot + 1) & (count - 1);
            slots[slot] = index + 1;
        }
        free(tree->name_slots);
        tree->name_slots = slots;
        tree->name_slot_count = count;
    }
    uint32_t mask = tree->name_slot_count - 1;
    uint32_t slot = hash & mask;
    while (tree->name_slots[slot] != 0) {
        scour_name *entry = &tree->names[tree->name_slots[slot] - 1];
        if (entry->length == length && memcmp(tree->bytes + entry->offset, name, length) == 0) return tree->name_slots[slot] - 1;
        slot = (slot + 1) & mask;
    }
    if (!scour_tree_grow((void **)&tree->names, &tree->name_capacity, tree->name_count + 1, sizeof(scour_name))) {
        tree->failed = 1;
        return 0;
    }
    uint32_t offset = scour_tree_store(tree, name, length);
    if (offset == UINT32_MAX) return 0;
    scour_name *entry = &tree->names[tree->name_count];
    entry->offset = offset;
    entry->length = length;
    tree->name_slots[slot] = tree->name_count + 1;
    return tree->name_count++;
}

static int32_t scour_tree_current(const scour_tree *tree) {
    return tree->open_count > 0 ? tree->open[tree->open_count - 1] : -1;
}

static int32_t scour_tree_add_node(scour_tree *tree, uint8_t type, int32_t parent_index) {
    if (tree->node_count >= 0x7FFFFFF0 ||
        !scour_tree_grow((void **)&tree->nodes, (uint32_t *)&tree->node_capacity, (uint32_t)tree->node_count + 1, sizeof(scour_node))) {
        tree->failed = 1;
        return -1;
    }
    int32_t index = tree->node_count++;
    scour_node *node = &tree->nodes[index];
    memset(node, 0, sizeof(*node));
    node->type = type;
    node->parent = parent_index;
    node->first_child = node->last_child = node->next_sibling = -1;
    if (parent_index >= 0) {
        scour_node *parent = &tree->nodes[parent_index];
        if (parent->last_child >= 0) tree->nodes[parent->last_child].next_sibling = index;
        else parent->first_child = index;
        parent->last_child = index;
    }
    return index;
}

static scour_tree *scour_tree_of(void *context) {
    htmlParserCtxtPtr ctxt = (htmlParserCtxtPtr)context;
    return (scour_tree *)ctxt->_private;
}

static void scour_sax_start_document(void *context) {
    scour_tree_of(context)->started = 1;
}

static void scour_sax_internal_subset(void *context, const xmlChar *name, const xmlChar *external, const xmlChar *system) {
    (void)name; (void)external; (void)system;
    scour_tree_of(context)->has_dtd = 1;
}

/* libxml2's tree names a prefixed element by its local part (`<fb:like>` is "like"),
   as xmlSplitQName splits it. The suffix of a dictionary string is as stable as the
   string, so it interns by pointer too. */
static const xmlChar *scour_local_name(const xmlChar *name) {
    if (name[0] == ':') return name;
    for (const xmlChar *cursor = name + 1; *cursor != 0; cursor++) {
        if (*cursor == ':') return cursor[1] == 0 ? name : cursor + 1;
    }
    return name;
}

/* libxml2 2.14 deprecated htmlIsBooleanAttr as public API, but its own tree builder
   (SAX2.c) still calls it for this very purpose, so asking it keeps the two trees equal
   on every version. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
static int scour_is_boolean_attribute(const xmlChar *name) {
    return htmlIsBooleanAttr(name);
}
#pragma clang diagnostic pop

/* Stand-ins rest on how libxml2 2.9 to 2.12 read attribute values and script text (a 0x01 byte
   and U+FDD0 pass unchanged); 2.13 onwards rewrote both and is not relied on for that. */
static inline int scour_parser_standins_supported(void) {
#if LIBXML_VERSION < 21300
    return 1;
#else
    return 0;
#endif
}

/* Set in a stand-in's length when it stands for a JSON block (ParserStandIns.scriptEntry). */
#define SCOUR_STANDIN_SCRIPT 0x80000000u

/* The value a stand-in stands for: its mark (`mark_length` bytes, already checked) and the
   value's number (lowercase hexadecimal, at most 8 digits), then nothing but line breaks (a JSON block's), within `size` bytes; NULL when
   the text is not a stand-in, or the number is a value of the other kind (`script`: a JSON block's; a page
   with its own U+FDD0 gets attribute stand-ins only, and its script text must not take their values). */
static const unsigned char *scour_standin_text(const scour_tree *tree, const xmlChar *text, uint32_t size, uint32_t mark_length, int script, uint32_t *length) {
    if (tree->standin_count == 0 || text == NULL || size <= mark_length) return NULL;
    uint64_t number = 0;
    uint32_t index = mark_length;
    for (; index < size && index < mark_length + 8; index++) {
        unsigned char c = text[index];
        uint64_t digit = c >= '0' && c <= '9' ? (uint64_t)(c - '0') : c >= 'a' && c <= 'f' ? (uint64_t)(c - 'a' + 10) : 16;
        if (digit == 16) break;
        number = number * 16 + digit;
    }
    if (number >= tree->standin_count) return NULL;
    if (index == mark_length) return NULL;
    for (; index < size; index++) {
        if (text[index] != '\n') return NULL;
    }
    uint32_t entry = tree->standin_ranges[2 * number + 1];
    if (((entry & SCOUR_STANDIN_SCRIPT) != 0) != (script != 0)) return NULL;
    *length = entry & ~SCOUR_STANDIN_SCRIPT;
    return tree->standin_bytes + tree->standin_ranges[2 * number];
}

/* An attribute value that is a stand-in, and no more. */
static const unsigned char *scour_standin_value(const scour_tree *tree, const xmlChar *value, uint32_t *length) {
    if (tree->standin_count == 0 || value == NULL || value[0] != 0x01) return NULL;
    uint32_t size = (uint32_t)strlen((const char *)value);
    for (uint32_t index = 1; index < size; index++) {
        unsigned char c = value[index];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return NULL;
    }
    return scour_standin_text(tree, value, size, 1, 0, length);
}

/* libxml2's tree gives an attribute without a value an empty value, except the
   boolean ones (checked, selected, ...), whose value is their own name. */
static void scour_sax_start_element(void *context, const xmlChar *name, const xmlChar **attributes) {
    scour_tree *tree = scour_tree_of(context);
    if (tree->failed || name == NULL) return;
    /* The per-page time budget covers parsing too: the clock is read every 1024 start tags. */
    if ((++tree->events & 0x3FF) == 0 && tree->deadline.tv_sec != 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > tree->deadline.tv_sec || (now.tv_sec == tree->deadline.tv_sec && now.tv_nsec > tree->deadline.tv_nsec)) {
            tree->timed_out = 1;
            tree->failed = 1;
            xmlStopParser((xmlParserCtxtPtr)context);
            return;
        }
    }
    /* An element opened when every element is closed (a page going on after </html>)
       goes, in libxml2's tree, under the first top-level node when that is an element. */
    int32_t parent = scour_tree_current(tree);
    int top_level = parent < 0 && !(tree->first_top == 1 && !tree->has_dtd);
    if (parent < 0 && !top_level) parent = tree->root;
    if (!scour_tree_grow((void **)&tree->open, &tree->open_capacity, tree->open_count + 1, sizeof(int32_t))) {
        tree->failed = 1;
        return;
    }
    int32_t index = scour_tree_add_node(tree, SCOUR_NODE_ELEMENT, parent);
    if (index < 0) return;
    uint32_t name_index = scour_tree_intern(tree, scour_local_name(name));
    scour_node *node = &tree->nodes[index];
    node->name = name_index;
    node->first_attribute = tree->attribute_count;
    if (attributes != NULL) {
        for (int i = 0; attributes[i] != NULL; i += 2) {
            const xmlChar *value = attributes[i + 1];
            if (value == NULL && scour_is_boolean_attribute(attributes[i])) value = attributes[i];
            uint32_t length = 0;
            const unsigned char *original = scour_standin_value(tree, value, &length);
            if (original != NULL) value = original;
            else length = value == NULL ? 0 : (uint32_t)strlen((const char *)value);
            uint32_t attribute_name = scour_tree_intern(tree, attributes[i]);
            uint32_t offset = scour_tree_store(tree, value, length);
            if (tree->failed ||
                !scour_tree_grow((void **)&tree->attributes, &tree->attribute_capacity, tree->attribute_count + 1, sizeof(scour_attribute))) {
                tree->failed = 1;
                return;
            }
            scour_attribute *attribute = &tree->attributes[tree->attribute_count++];
            attribute->name = attribute_name;
            attribute->value = offset;
            attribute->value_length = length;
        }
    }
    node = &tree->nodes[index];
    node->attribute_count = tree->attribute_count - node->first_attribute;
    if (top_level) {
        if (tree->root < 0) tree->root = index;
        else tree->nodes[tree->last_top].next_sibling = index;
        tree->last_top = index;
        if (tree->first_top == 0) tree->first_top = 1;
    }
    tree->open[tree->open_count++] = index;
}

static void scour_sax_end_element(void *context, const xmlChar *name) {
    (void)name;
    scour_tree *tree = scour_tree_of(context);
    if (tree->failed || tree->open_count == 0) return;
    tree->open_count--;
}

static void scour_sax_text(void *context, const xmlChar *text, int length, uint8_t type) {
    htmlParserCtxtPtr ctxt = (htmlParserCtxtPtr)context;
    scour_tree *tree = scour_tree_of(context);
    int32_t current = scour_tree_current(tree);
    if (tree->failed || current < 0 || length <= 0) return;
    scour_node *open = &tree->nodes[current];
    if (open->last_child >= 0) {
        scour_node *last = &tree->nodes[open->last_child];
        /* libxml2 merges consecutive text into one node; the last node's bytes are
           always at the end of the store, so it grows in place. */
        if (last->type == type && !tree->split_text && last->text + last->text_length + 1 == tree->byte_count) {
            tree->byte_count -= 1;
            if (scour_tree_store(tree, text, (uint32_t)length) == UINT32_MAX) return;
            last = &tree->nodes[tree->nodes[current].last_child];
            last->text_length += (uint32_t)length;
            return;
        }
    }
    tree->split_text = 0;
    int32_t index = scour_tree_add_node(tree, type, current);
    if (index < 0) return;
    uint32_t offset = scour_tree_store(tree, text, (uint32_t)length);
    if (offset == UINT32_MAX) return;
    scour_node *node = &tree->nodes[index];
    node->text = offset;
    node->text_length = (uint32_t)length;
    if (type == SCOUR_NODE_TEXT) {
        int line = ctxt->input != NULL ? ctxt->input->line : 0;
        node->line = line < 65535 ? line : 65535;
    }
}

/* libxml2's tree keeps comments and processing instructions as nodes, so the text on
   either side of one stays two text nodes; this tree drops them but keeps the split. */
static void scour_sax_unkept_node(scour_tree *tree) {
    tree->split_text = 1;
    if (tree->open_count == 0 && tree->first_top == 0) tree->first_top = 2;
}

static void scour_sax_comment(void *context, const xmlChar *value) {
    (void)value;
    scour_sax_unkept_node(scour_tree_of(context));
}

static void scour_sax_instruction(void *context, const xmlChar *target, const xmlChar *data) {
    (void)target; (void)data;
    scour_sax_unkept_node(scour_tree_of(context));
}

static void scour_sax_characters(void *context, const xmlChar *text, int length) {
    scour_sax_text(context, text, length, SCOUR_NODE_TEXT);
}

/* A JSON block's text comes as its stand-in (marked by U+FDD0), in one piece, as the script's
   first text. */
static void scour_sax_cdata(void *context, const xmlChar *text, int length) {
    scour_tree *tree = scour_tree_of(context);
    int32_t current = scour_tree_current(tree);
    if (tree->standin_count > 0 && length > 3 && text[0] == 0xEF && text[1] == 0xB7 && text[2] == 0x90 && current >= 0
        && tree->nodes[current].last_child < 0) {
        uint32_t original_length = 0;
        const unsigned char *original = scour_standin_text(tree, text, (uint32_t)length, 3, 1, &original_length);
        if (original != NULL) {
            scour_sax_text(context, original, (int)original_length, SCOUR_NODE_CDATA);
            return;
        }
    }
    scour_sax_text(context, text, length, SCOUR_NODE_CDATA);
}

static void scour_sax_count_error(void *context, const char *message, ...) {
    (void)message;
    scour_tree *tree = scour_tree_of(context);
    if (tree != NULL) tree->errors++;
}

/* The parser context for a page: libxml2's copy of it, with a converter to UTF-8 unless
   `checked_utf8` says the bytes are valid UTF-8 already. The converter would copy the page
   once more; without it libxml2 must be told the input is UTF-8 (it would take bytes past
   ASCII for Latin-1) and to ignore the page's charset declarations, which it does in effect
   once a converter is set. Either way libxml2 reads the same characters.
   (libxml2 2.9's static input buffers would spare the first copy, but they reread text
   after the parser shrinks them.) */
static inline htmlParserCtxtPtr scour_html_context(const char *buffer, int size, const char *encoding, int checked_utf8) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(buffer, size);
    if (ctxt == NULL) return NULL;
    /* With no converter set, libxml2 takes NUL bytes among the first four for UTF-16 or UCS-4. */
    for (int i = 0; i < 4 && i < size; i++) {
        if (buffer[i] == 0) checked_utf8 = 0;
    }
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    if (checked_utf8) {
        htmlCtxtUseOptions(ctxt, options | HTML_PARSE_IGNORE_ENC);
        xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    } else {
        htmlCtxtUseOptions(ctxt, options);
        if (encoding != NULL) {
            xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
            if (handler != NULL) xmlSwitchToEncoding(ctxt, handler);
        }
    }
    return ctxt;
}

/* Room for a page's tree up front (bench pages: 30 to 1,000 bytes of markup per node,
   most text stored once), so the arrays are seldom copied while growing. Only a hint:
   it is capped for huge pages, and where it fails the arrays grow as they fill. */
static inline void scour_tree_reserve(scour_tree *tree, uint32_t size) {
    if (size > (16u << 20)) size = 16u << 20;
    scour_tree_grow((void **)&tree->nodes, (uint32_t *)&tree->node_capacity, size / 32 + 64, sizeof(scour_node));
    scour_tree_grow((void **)&tree->attributes, &tree->attribute_capacity, size / 48 + 64, sizeof(scour_attribute));
    scour_tree_grow((void **)&tree->bytes, &tree->byte_capacity, size + size / 8 + 64, 1);
}

/* Parses HTML from memory (recovering, offline) into a scour_tree; errors and
   warnings are counted, never printed. `checked_utf8`: see scour_html_context. Returns NULL when
   no parser could be made or the page is beyond the tree's limits; otherwise the caller
   frees the tree, which has `timed_out` set when the parse was stopped at `budget_ns`
   (0: no budget). */
static inline scour_tree *scour_html_read_tree_with_standins(const char *buffer, int size, const char *encoding, int checked_utf8, int64_t budget_ns,
                                                             const unsigned char *standin_bytes, const uint32_t *standin_ranges, uint32_t standin_count) {
    if (buffer == NULL || size <= 0) return NULL;
    scour_tree *tree = calloc(1, sizeof(scour_tree));
    if (tree == NULL) return NULL;
    tree->root = tree->last_top = -1;
    if (standin_count > 0 && standin_bytes != NULL && standin_ranges != NULL) {
        tree->standin_bytes = standin_bytes;
        tree->standin_ranges = standin_ranges;
        tree->standin_count = standin_count;
    }
    scour_tree_reserve(tree, (uint32_t)size);
    if (budget_ns > 0) {
        clock_gettime(CLOCK_MONOTONIC, &tree->deadline);
        tree->deadline.tv_sec += (time_t)(budget_ns / 1000000000);
        tree->deadline.tv_nsec += (long)(budget_ns % 1000000000);
        if (tree->deadline.tv_nsec >= 1000000000) { tree->deadline.tv_sec += 1; tree->deadline.tv_nsec -= 1000000000; }
    }
    htmlParserCtxtPtr ctxt = scour_html_context(buffer, size, encoding, checked_utf8);
    if (ctxt == NULL) { scour_tree_free(tree); return NULL; }
    htmlSAXHandler *sax = ctxt->sax;
    memset(sax, 0, sizeof(*sax));
    sax->initialized = 1;
    sax->startDocument = scour_sax_start_document;
    sax->internalSubset = scour_sax_internal_subset;
    sax->startElement = scour_sax_start_element;
    sax->endElement = scour_sax_end_element;
    sax->characters = scour_sax_characters;
    sax->cdataBlock = scour_sax_cdata;
    sax->comment = scour_sax_comment;
    sax->processingInstruction = scour_sax_instruction;
    sax->error = scour_sax_count_error;
    sax->warning = scour_sax_count_error;
    ctxt->_private = tree;
    htmlParseDocument(ctxt);
    ctxt->_private = NULL;
    if (ctxt->myDoc != NULL) { xmlFreeDoc(ctxt->myDoc); ctxt->myDoc = NULL; }
    htmlFreeParserCtxt(ctxt);
    /* A stopped parse keeps its partial tree: the caller rejects the page for its time budget. */
    if (!tree->timed_out && (tree->failed || !tree->started)) { scour_tree_free(tree); return NULL; }
    tree->name_tags = calloc(tree->name_count > 0 ? tree->name_count : 1, 1);
    if (tree->name_tags == NULL) { scour_tree_free(tree); return NULL; }
    /* The stand-ins' values belong to the caller and are not kept past the parse. */
    tree->standin_bytes = NULL;
    tree->standin_ranges = NULL;
    tree->standin_count = 0;
    return tree;
}

static inline scour_tree *scour_html_read_tree(const char *buffer, int size, const char *encoding, int checked_utf8, int64_t budget_ns) {
    return scour_html_read_tree_with_standins(buffer, size, encoding, checked_utf8, budget_ns, NULL, NULL, 0);
}

#endif
