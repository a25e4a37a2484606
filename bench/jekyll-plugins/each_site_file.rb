# Loaded only for the benchmark's "jekyll-fixed" generator (bench/run.sh passes --plugins with this folder).
#
# Jekyll 4.3.0 and 4.3.1 (the version Debian 12 ships) find each output file once by looking it up in an Array of
# the files seen so far, so that cleaning and writing the site take time quadratic in its number of files. Jekyll
# fixed this upstream (jekyll/jekyll#9187). This gives 4.3.1 the same behaviour, each file yielded once, with a set
# that compares by identity.
require "set"

module Jekyll
  class Site
    def each_site_file
      yielded = Set.new.compare_by_identity
      [pages, static_files_to_write, docs_to_write].each do |files|
        files.each { |file| yield file if yielded.add?(file) }
      end
    end
  end
end
