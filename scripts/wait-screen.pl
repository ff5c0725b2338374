#!/usr/bin/perl
# wait-screen.pl SOCKET SESSION: answers questions about the screen of tmux
# session SESSION (on server -L SOCKET). Each line it reads is a question,
# "TIMEOUT REGEX": it waits until the screen, as `capture-pane -p` prints
# it (lines joined by newlines), matches REGEX (Perl's), and writes
# "match", or writes "timeout" after TIMEOUT seconds. It ends with its
# input, or when the session does.
#
# It looks at the screen only while asked, and then only when the program
# in the pane has written something: one tmux client in control mode,
# attached for the whole run, brings the %output notifications, and the
# screen is asked for on the same connection. A loop of `tmux
# capture-pane` every 10 ms, as bench-process.sh used before, started a
# tmux client each time, about 10 ms of processor time a look: half a core
# of the two the measured program has, which made the explorer's 2M
# Parquet load 10-13 s where it took 6.5-7.3 s watched this way. A waiter
# started for each question answered 40-50 ms late, the time perl and the
# client take to start: hence one for the whole run.
# Only perl-base's modules, so that it runs on any Debian.
use strict;
use warnings;
use IPC::Open2;
use IO::Select;

my ($sock, $session) = @ARGV;
die "usage: wait-screen.pl SOCKET SESSION\n" unless defined $session;
my $pid = open2(my $from, my $to, 'tmux', '-L', $sock, '-C', 'attach-session', '-t', $session);
$to->autoflush(1);
STDOUT->autoflush(1);

my $sel = IO::Select->new($from, \*STDIN);
my %buf = (tmux => '', in => '');
my ($re, $deadline);        # the question being answered, if any
my ($asked, $dirty) = (0, 0); # screens asked for and not yet read; output since
my ($block, $screen) = (0, '');

sub ask { print $to "capture-pane -p -t $session\n"; $asked++; $dirty = 0 }
sub answer { print "$_[0]\n"; undef $re }
sub finish { close $to; kill 'TERM', $pid; waitpid $pid, 0; exit 0 }

# tmux: one line from the control client.
sub tmux_line {
	my ($line) = @_;
	if ($block) {
		if ($line =~ /^%(end|error) /) {
			$block = 0;
			$asked-- if $asked > 0;
			if (defined $re && $screen =~ $re) {
				answer('match');
			} elsif (defined $re && $dirty && !$asked) {
				ask();
			}
		} else {
			$screen .= "$line\n";
		}
		return;
	}
	if ($line =~ /^%begin /) {
		($block, $screen) = (1, '');
	} elsif ($line =~ /^%output /) {
		if (!defined $re || $asked) { $dirty = 1 } else { ask() }
	} elsif ($line =~ /^%exit/) {
		answer('timeout') if defined $re;
		finish();
	}
}

# in: one question.
sub question {
	my ($line) = @_;
	my ($timeout, $pattern) = split / /, $line, 2;
	($re, $deadline) = (qr/$pattern/, time + $timeout);
	ask() unless $asked;
	$dirty = 1 if $asked; # look again once the screen asked for is read
}

while (1) {
	my $wait = defined $re ? max(0, $deadline - time) : undef;
	my @ready = $sel->can_read($wait);
	if (!@ready && defined $re && time >= $deadline) {
		answer('timeout');
		next;
	}
	for my $fh (@ready) {
		my $key = $fh == $from ? 'tmux' : 'in';
		my $n = sysread($fh, $buf{$key}, 65536, length $buf{$key});
		if (!$n) {
			answer('timeout') if defined $re;
			finish();
		}
		while ((my $i = index($buf{$key}, "\n")) >= 0) {
			my $line = substr($buf{$key}, 0, $i);
			substr($buf{$key}, 0, $i + 1) = '';
			$key eq 'tmux' ? tmux_line($line) : question($line);
		}
	}
}

sub max { $_[0] > $_[1] ? $_[0] : $_[1] }
