// The gumbo HTML5 parser (libgumbo-dev), for ArticleImport's HTMLReader.
#include <gumbo.h>
