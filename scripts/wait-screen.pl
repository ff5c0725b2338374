#!/usr/bin/perl
# wait-screen.pl SOCKET SESSION: answers questions about the screen of tmux
# session SESSION (on server -L SOCKET). Each line it reads is a question,
# "TIMEOUT REGEX": it waits until the screen, as `capture-pane -p` prints
# it (lines joined by newlines), matches REGEX (Perl's), and writes
# "match"; or "timeout" after TIMEOUT seconds, or at once once the session
# has ended; or "error" for a REGEX Perl refuses. It ends with its input.
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
my ($re, $deadline, $qgen) = (undef, 0, 0); # the question being answered, if any, and its number
my @asked;          # the questions the screens asked for and not yet read were for
my $dirty = 0;      # output came since the last screen was asked for
my ($block, $mine, $screen) = (0, 0, '');
my $gone = 0;       # the session ended: every question is answered "timeout"

sub ask { print $to "capture-pane -p -t $session\n"; push @asked, $qgen; $dirty = 0 }
sub answer { print "$_[0]\n"; undef $re }
sub finish { close $to; kill 'TERM', $pid; waitpid $pid, 0; exit 0 }
sub ended {
	return if $gone;
	$gone = 1;
	$sel->remove($from);
	answer('timeout') if defined $re;
}

# tmux: one line from the control client. Only the blocks of the
# commands sent here (flags 1) are screens; the attach has its own.
sub tmux_line {
	my ($line) = @_;
	if ($block) {
		if ($line =~ /^%(end|error) /) {
			$block = 0;
			return unless $mine;
			my $for = shift @asked;
			if (defined $re && defined $for && $for == $qgen && $screen =~ $re) {
				answer('match');
			} elsif (defined $re && $dirty && !@asked) {
				ask();
			}
		} else {
			$screen .= "$line\n";
		}
		return;
	}
	if ($line =~ /^%begin \S+ \S+ (\d+)/) {
		($block, $mine, $screen) = (1, $1 & 1, '');
	} elsif ($line =~ /^%output /) {
		if (defined $re && !@asked) { ask() } else { $dirty = 1 }
	} elsif ($line =~ /^%exit/) {
		ended();
	}
}

# in: one question.
sub question {
	my ($line) = @_;
	my ($timeout, $pattern) = split / /, $line, 2;
	$qgen++;
	my $compiled = eval { qr/$pattern/ };
	if (!defined $compiled || $gone) {
		print(defined $compiled ? "timeout\n" : "error\n");
		return;
	}
	($re, $deadline) = ($compiled, time + $timeout);
	if (@asked) { $dirty = 1 } else { ask() } # look again once the screen asked for is read
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
			finish() if $key eq 'in';
			ended();
			next;
		}
		while ((my $i = index($buf{$key}, "\n")) >= 0) {
			my $line = substr($buf{$key}, 0, $i);
			substr($buf{$key}, 0, $i + 1) = '';
			$key eq 'tmux' ? tmux_line($line) : question($line);
		}
	}
}

sub max { $_[0] > $_[1] ? $_[0] : $_[1] }
